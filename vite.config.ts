import { defineConfig, type UserConfig } from 'vite';

/**
 * One config, three builds, picked by mode:
 * - `vite` / `vite build --mode demo`: the demo site (index.html, demo/, public/) → dist-demo/.
 * - `vite build`: dist/lead-registration-widget.js, self-contained and minified for a plain
 *   `<script type="module">`; lazily loaded chunks sit beside it (lrw-*.js), loaded by relative URL.
 * - `vite build --mode bundler`: dist/index.js and one module per source file, with lit,
 *   @lit/* and idb-keyval left as imports, for hosts that bundle (types come from tsc); also
 *   dist/core/index.js, the package's `./core` export.
 */

/** The runtime dependencies a bundling host provides once for the whole page. */
const EXTERNAL = /^(lit|lit-html|lit-element|@lit\/[^/]+|@lit-labs\/[^/]+|idb-keyval)(\/.*)?$/;

const ENTRY = 'src/index.ts';
/** `lead-registration-widget/core`: the rules (RegistrationLedger, query helpers), no DOM, no lit: for servers. */
const CORE_ENTRY = 'src/core/index.ts';

const selfContained: UserConfig = {
  // Vite leaves process.env.NODE_ENV alone in library mode; a browser has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    // Read by scripts/check-size.mjs to tell the chunks a card-only page loads from the lazy ones.
    manifest: true,
    lib: { entry: ENTRY, formats: ['es'], fileName: () => 'lead-registration-widget.js' },
    rolldownOptions: {
      // Lets the code a lazy chunk shares with the entry (lit) live in the entry file itself,
      // exported from it, instead of in a third file every page must fetch.
      preserveEntrySignatures: 'allow-extension',
      output: {
        chunkFileNames: 'lrw-[name]-[hash].js',
        // Library mode keeps whitespace and /*#__PURE__*/ for a later bundler; this file has none.
        minify: true,
        comments: false,
      },
    },
  },
};

const forBundlers: UserConfig = {
  publicDir: false,
  build: {
    outDir: 'dist',
    // Written after the self-contained build, into the same folder.
    emptyOutDir: false,
    minify: false,
    sourcemap: true,
    lib: { entry: [ENTRY, CORE_ENTRY], formats: ['es'] },
    rolldownOptions: {
      external: (id) => EXTERNAL.test(id),
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
};

const demo: UserConfig = {
  // index.html at the root; public/ holds MSW's mockServiceWorker.js, served from /.
  build: { outDir: 'dist-demo', emptyOutDir: true, sourcemap: true },
};

export default defineConfig(({ command, mode }) => {
  if (command === 'serve' || mode === 'demo') return demo;
  if (mode === 'bundler') return forBundlers;
  return selfContained;
});
