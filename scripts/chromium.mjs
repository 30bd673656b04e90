// The one Chromium every browser tool of this project drives (tests, end-to-end, smoke test,
// benchmark): Debian's, or the binary CHROME_PATH names. No tool may download a browser here.

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
