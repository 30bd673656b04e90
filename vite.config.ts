import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, parseSync, Visitor, type Plugin, type UserConfig } from 'vite';
import { internalExports } from './scripts/internal-exports.mjs';
import { minifyCssTemplate, minifyHtmlTemplate } from './scripts/lit-template-minifier.mjs';

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
/** The self-contained build's entry file, which its lazily loaded chunks import. */
const SELF_CONTAINED_FILE = 'lead-registration-widget.js';
/** `lead-registration-widget/core`: the rules (RegistrationLedger, query helpers), no DOM, no lit: for servers. */
const CORE_ENTRY = 'src/core/index.ts';

/**
 * Minifies the white space in the html``, svg`` and css`` templates of src/ (see
 * scripts/lit-template-minifier.mjs for what it changes and why it cannot change what renders). It
 * runs after TypeScript is compiled; the line breaks it removes from a template are put back after
 * its closing backtick, so that every line keeps its number and the source map stays right.
 */
function minifyLitTemplates(): Plugin {
  const TAGS: Partial<Record<string, typeof minifyHtmlTemplate>> = {
    html: minifyHtmlTemplate,
    svg: minifyHtmlTemplate,
    css: minifyCssTemplate,
  };
  const lines = (texts: string[]): number => texts.join('').split('\n').length - 1;
  return {
    name: 'lrw:minify-lit-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|svg|css)`/.test(code)) return null;
      const parsed = parseSync(id, code, { lang: 'js' });
      if (parsed.errors.length > 0) this.error(`${id}: ${parsed.errors[0].message}`);
      const edits: { start: number; end: number; text: string }[] = [];
      new Visitor({
        TaggedTemplateExpression: ({ tag, quasi }) => {
          const minify = tag.type === 'Identifier' ? TAGS[tag.name] : undefined;
          if (!minify) return;
          const raw = quasi.quasis.map((element) => element.value.raw);
          if (quasi.quasis.some((element, index) => code.slice(element.start, element.end) !== raw[index])) {
            this.error(`${id}: the positions of a template do not match its text.`);
          }
          let minified: string[];
          try {
            minified = minify(raw);
          } catch (error) {
            this.error(`${id}: ${(error as Error).message}`);
          }
          quasi.quasis.forEach((element, index) =>
            edits.push({ start: element.start, end: element.end, text: minified[index] }),
          );
          edits.push({ start: quasi.end, end: quasi.end, text: '\n'.repeat(lines(raw) - lines(minified)) });
        },
      }).visit(parsed.program);
      if (edits.length === 0) return null;
      let out = code;
      for (const { start, end, text } of edits.sort((a, b) => b.start - a.start))
        out = out.slice(0, start) + text + out.slice(end);
      // Every line is where it was: the source map of the step before still holds (to the line).
      return { code: out, map: null };
    },
  };
}

/**
 * A built locale chunk lists its messages in the order of every id, sorted, and holds no ids of its own
 * (some 750 bytes gzipped each): src/i18n/message-ids.ts, whose list is written here, is loaded beside
 * it (src/i18n/localizer.ts). In the sources a locale module is a keyed object, and the list is empty.
 * A locale that lacks an id, or has one the others do not, fails the build.
 */
function positionalCatalogs(): Plugin {
  const LOCALE = /\/src\/i18n\/locales\/[\w-]+\.ts$/;
  const IDS = /\/src\/i18n\/message-ids\.ts$/;
  const REFERENCE = fileURLToPath(new URL('./src/i18n/locales/de.ts', import.meta.url));
  /** The messages of a locale module: its object literal, every key and value a string. */
  const messagesOf = (id: string, code: string, lang: 'js' | 'ts'): Map<string, string> => {
    const parsed = parseSync(id, code, { lang });
    if (parsed.errors.length > 0) throw new Error(`${id}: ${parsed.errors[0].message}`);
    let messages: Map<string, string> | undefined;
    new Visitor({
      ObjectExpression: (object) => {
        if (messages) throw new Error(`${id}: a locale module holds one object literal, its messages.`);
        messages = new Map();
        for (const property of object.properties) {
          const key = property.type === 'Property' ? property.key : undefined;
          const value = property.type === 'Property' ? property.value : undefined;
          if (
            key?.type !== 'Literal' ||
            typeof key.value !== 'string' ||
            value?.type !== 'Literal' ||
            typeof value.value !== 'string'
          ) {
            throw new Error(`${id}: every message is a string literal under a string literal id.`);
          }
          messages.set(key.value, value.value);
        }
      },
    }).visit(parsed.program);
    if (!messages) throw new Error(`${id}: no messages.`);
    return messages;
  };
  let ids: string[] = [];
  return {
    name: 'lrw:positional-catalogs',
    apply: 'build',
    buildStart() {
      ids = [...messagesOf(REFERENCE, readFileSync(REFERENCE, 'utf8'), 'ts').keys()].sort();
    },
    transform(code, id) {
      if (IDS.test(id)) return { code: `export default ${JSON.stringify(ids)};`, map: null };
      if (!LOCALE.test(id)) return null;
      const messages = messagesOf(id, code, 'js');
      const unknown = [...messages.keys()].filter((key) => !ids.includes(key));
      const missing = ids.filter((key) => !messages.has(key));
      if (unknown.length > 0 || missing.length > 0) {
        this.error(`${id}: ids ${[...missing, ...unknown].join(', ')} are not in every locale.`);
      }
      return { code: `export default ${JSON.stringify(ids.map((key) => messages.get(key)))};`, map: null };
    },
  };
}

const selfContained: UserConfig = {
  // Vite leaves process.env.NODE_ENV alone in library mode; a browser has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  plugins: [minifyLitTemplates(), positionalCatalogs(), internalExports({ entryFileName: SELF_CONTAINED_FILE })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    minify: true,
    sourcemap: true,
    // Read by scripts/check-size.mjs to tell the chunks a card-only page loads from the lazy ones.
    manifest: true,
    lib: { entry: ENTRY, formats: ['es'], fileName: () => SELF_CONTAINED_FILE },
    rolldownOptions: {
      // Lets the code a lazy chunk shares with the entry (lit) live in the entry file itself,
      // exported from it, instead of in a third file every page must fetch; internalExports()
      // gathers those exports into one object, so that the file's exports stay the public API.
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
    // No source maps: this code is readable as it is, one module per source file, and a host's
    // bundler maps its own output; maps with the sources inside would double what the package weighs
    // (the self-contained file keeps its map: it is minified).
    sourcemap: false,
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
