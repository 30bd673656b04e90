// The one Chromium every browser tool of this project drives (tests, end-to-end, smoke test,
// benchmark): Debian's, or the binary CHROME_PATH names. No tool may download a browser here.
import { existsSync } from 'node:fs';

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Flags for a headless run on a CI machine: no sandbox as root, no GPU, no network of its own. */
export const CHROMIUM_ARGS = [
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What to say when that Chromium is not there (how to get it); undefined when it is. */
export const CHROMIUM_MISSING = existsSync(CHROME_PATH)
  ? undefined
  : `Chromium was not found at ${CHROME_PATH}. Install it (Debian: apt-get install -y chromium) or set CHROME_PATH.`;

/**
 * Launches that Chromium, headless, with the CI flags and then `extraArgs`, through playwright-core's `chromium`
 * (passed in: this module is shared with the test runner's config, which does not load playwright).
 */
export function launchChromium(chromium, extraArgs = []) {
  return chromium.launch({
    executablePath: CHROME_PATH,
    headless: true,
    timeout: 30_000,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}
