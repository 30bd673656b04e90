// @ts-check
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';

const TS_FILES = ['**/*.ts'];
const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs'];

/** Lit's escape hatches around its HTML/CSS escaping. Host data reaches our templates: never in src/. */
const unsafeImports = {
  paths: [
    {
      name: 'lit',
      importNames: ['unsafeCSS'],
      message: 'unsafeCSS defeats CSS escaping; use css`` and custom properties.',
    },
    { name: 'lit-element', importNames: ['unsafeCSS'], message: 'unsafeCSS defeats CSS escaping.' },
    { name: '@lit/reactive-element', importNames: ['unsafeCSS'], message: 'unsafeCSS defeats CSS escaping.' },
    { name: 'lit/static-html.js', importNames: ['unsafeStatic'], message: 'unsafeStatic injects raw markup.' },
    { name: 'lit-html/static.js', importNames: ['unsafeStatic'], message: 'unsafeStatic injects raw markup.' },
  ],
  patterns: [
    {
      group: ['lit/directives/unsafe-*', 'lit-html/directives/unsafe-*'],
      message: 'unsafeHTML/unsafeSVG/unsafeMathML inject raw markup; render with html`` instead.',
    },
  ],
};

/** Raw-HTML sinks in the DOM API. */
const htmlSinks = [
  {
    selector: 'AssignmentExpression > MemberExpression.left[computed=false][property.name=/^(inner|outer)HTML$/]',
    message: 'Do not write innerHTML/outerHTML; render with Lit templates or textContent.',
  },
  {
    selector: 'AssignmentExpression > MemberExpression.left[computed=true][property.value=/^(inner|outer)HTML$/]',
    message: 'Do not write innerHTML/outerHTML; render with Lit templates or textContent.',
  },
];
const htmlSinkProperties = [
  { property: 'insertAdjacentHTML', message: 'insertAdjacentHTML injects raw markup.' },
  { property: 'setHTMLUnsafe', message: 'setHTMLUnsafe injects raw markup.' },
  { property: 'createContextualFragment', message: 'createContextualFragment parses raw markup.' },
  { object: 'document', property: 'write', message: 'document.write injects raw markup.' },
  { object: 'document', property: 'writeln', message: 'document.writeln injects raw markup.' },
];

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-demo/',
      'node_modules/',
      'coverage/',
      'public/mockServiceWorker.js',
      'bench/results/',
      // The host apps have dependencies of their own, installed elsewhere: they are type-checked there
      // (e2e/hosts/build.mjs); the scripts beside them are linted here.
      'e2e/hosts/*/',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },

  js.configs.recommended,

  // Lines of at most 120 characters, comments included (Prettier wraps code, not comments); a long
  // string, template or URL is left whole rather than cut.
  {
    rules: {
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true },
      ],
    },
  },

  // TypeScript: type-aware, strict.
  {
    files: TS_FILES,
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `${count} of ${limit}` is the point of a template literal; objects and nullish still flagged.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `@click=${() => this.close()}` is idiomatic Lit, and so is `if (done) return resolve();`.
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true },
      ],
      // The widget validates what hosts pass from untyped HTML and JavaScript, so checks the types
      // call impossible are deliberate; the rule also misreads flags that closures set.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // `this.renderRoot.querySelector('dialog')!` for an element of our own template is fine;
      // assertions that change nothing are still reported (no-unnecessary-type-assertion).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Fire-and-forget is allowed when explicit (`void this.load()`).
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
    },
  },

  // Plain JS (configs, node scripts): not in the TS project, so no type information.
  {
    files: JS_FILES,
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },

  // Lit, custom elements, template accessibility.
  {
    files: TS_FILES,
    extends: [lit.configs['flat/recommended'], wc.configs['flat/best-practice'], litA11y.configs.recommended],
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
    rules: {
      // LitElement always implements the lifecycle callbacks, so unguarded super calls are right.
      'wc/guard-super-call': 'off',
      'lit/attribute-names': ['error', { convention: 'kebab' }],
      'lit/lifecycle-super': 'error',
      'lit/no-classfield-shadowing': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'lit/no-legacy-imports': 'error',
      'lit/no-native-attributes': 'error',
      'lit/no-template-bind': 'error',
      'lit/no-this-assign-in-render': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/no-value-attribute': 'error',
      'lit/prefer-nothing': 'error',
      'lit/prefer-static-styles': 'error',
    },
  },

  // Shipped code: no raw-HTML escape hatches, no stray console output.
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', unsafeImports],
      'no-restricted-syntax': ['error', ...htmlSinks],
      'no-restricted-properties': ['error', ...htmlSinkProperties],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },

  // Tests: chai's property assertions (`.to.be.true`), patching prototypes, fakes whose async
  // methods need no await, rejecting with the odd values browser APIs produce: all part of the job.
  {
    files: ['test/**/*.ts'],
    rules: {
      // @open-wc/semantic-dom-diff types every chai `equal` as returning a Promise (for `.dom.to.equal`);
      // the plain assertions are synchronous. Awaiting `.to.be.accessible()` and friends is still enforced.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          ignoreVoid: true,
          allowForKnownSafeCalls: [{ from: 'package', package: 'chai', name: 'Equal' }],
        },
      ],
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
    },
  },
);
