import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { accessibilityTreePlugin } from './test/helpers/accessibility-tree-plugin.mjs';
import { inputEmulationPlugin } from './test/helpers/input-emulation-plugin.mjs';
import { CHROME_PATH as executablePath, CHROMIUM_ARGS } from './scripts/chromium.mjs';

/** Debian's Chromium, or the one CHROME_PATH names; a test tool may not download its own here. */
if (!existsSync(executablePath)) {
  console.error(
    `Chromium was not found at ${executablePath}.\n` +
      'Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH to a Chrome or Chromium binary.',
  );
  process.exit(1);
}

/** Where test/elements/two-copies.test.ts loads a second copy of the widget from. */
const SECOND_COPY_PATH = '/__second-copy__/lead-registration-widget.js';

/**
 * A second, independent copy of the widget, lit included, built from the sources on its first request: what a
 * micro-frontend that brings its own copy, or a bundle beside the script tag, puts on a page.
 */
function secondCopyPlugin() {
  let bundle;
  return {
    name: 'lrw-second-copy',
    async serve(context) {
      if (context.path !== SECOND_COPY_PATH) return undefined;
      bundle ??= build({
        entryPoints: [fileURLToPath(new URL('./src/index.ts', import.meta.url))],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        logLevel: 'silent',
      }).then(({ outputFiles }) => outputFiles[0].text);
      return { body: await bundle, type: 'js' };
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    // Chromium's own accessibility tree (roles, names, states), for test/a11y.
    accessibilityTreePlugin(),
    // The mouse wheel, and forced colours (Windows contrast themes), for test/a11y.
    inputEmulationPlugin(),
    secondCopyPlugin(),
  ],
  middleware: [
    // MSW's worker must be served from / so that its scope covers the test page (a rewrite, not a redirect).
    function serveMockWorker(context, next) {
      if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [...CHROMIUM_ARGS],
      },
      // Concurrent files in hidden tabs never get requestAnimationFrame in new-headless Chromium.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
};
