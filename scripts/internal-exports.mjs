// A Vite (Rolldown) plugin for the self-contained build: keeps the entry's exports to the package's
// public API, plus one object, `__internal`, that carries what the lazily loaded chunks share
// with the entry.
//
// Why: a lazy chunk (the Capacity Manager's dialog, the meter's body) uses lit and code of the
// entry. With `preserveEntrySignatures: 'allow-extension'`, Rolldown exports that code from the
// entry file itself under minified names (`_`, `a`, `c`, …), which every host then sees beside
// `RestBackend` in `import * as widget`. Moving the shared code into a chunk of its own would cost a
// card-only page one more request and about 1.5 kB gzip (measured); this costs nothing.
//
// How, after Rolldown has rendered each chunk and before it minifies it:
// - the entry's `export { …, i$4 as _, formatNumber as a, … }` keeps the public names and puts the
//   others in `const __internal = { _: i$4, a: formatNumber, … }`, exported instead;
// - a chunk's `import { _ as i$2, tierLabel } from "./lead-registration-widget.js"` becomes
//   `import { tierLabel, __internal } from "…"; const { _: i$2 } = __internal;`.
// An import binding is live and the object is not: the build fails if the entry's code could assign
// an internally exported binding after the entry has run (inside a function). Both statements keep
// their line, so the source maps hold.

import { analyze } from 'eslint-scope';
import { parse } from 'espree';

export const INTERNAL_EXPORT = '__internal';

const PARSE = { ecmaVersion: 'latest', sourceType: 'module', range: true };

/** `exported`/`imported`/`local` of a specifier: an identifier's name, or a string literal's value. */
const nameOf = (node) => (node.type === 'Identifier' ? node.name : String(node.value));

/**
 * @param {{ entryFileName: string }} options the entry's file name, which chunks import from `./`
 * @returns {import('vite').Plugin}
 */
export function internalExports({ entryFileName }) {
  /** The names the entry module exports itself (its public API), found once the graph is built. */
  let publicNames;

  /** The names module `id` exports, following `export * from` (which leaves out `default`). */
  async function exportsOf(context, id) {
    const info = context.getModuleInfo(id);
    if (!info) context.error(`internal-exports: no module ${id}`);
    const names = new Set(info.exports.filter((name) => name !== '*'));
    if (info.exports.includes('*')) {
      for (const statement of parse(info.code ?? '', PARSE).body) {
        if (statement.type !== 'ExportAllDeclaration' || statement.exported) continue;
        const resolved = await context.resolve(statement.source.value, id);
        if (!resolved) context.error(`internal-exports: cannot resolve ${statement.source.value} from ${id}`);
        for (const name of await exportsOf(context, resolved.id)) if (name !== 'default') names.add(name);
      }
    }
    return names;
  }

  return {
    name: 'lrw:internal-exports',
    apply: 'build',
    async buildEnd(error) {
      if (error) return;
      const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      if (entries.length !== 1) this.error(`internal-exports: expected one entry, found ${entries.length}`);
      publicNames = await exportsOf(this, entries[0]);
    },
    renderChunk(code, chunk, _options, { chunks }) {
      if (!publicNames) this.error('internal-exports: renderChunk before buildEnd');
      const entry = Object.values(chunks).find(
        (candidate) => candidate.isEntry && candidate.fileName === entryFileName,
      );
      if (!entry) this.error(`internal-exports: no entry chunk ${entryFileName}`);
      // The array's order, known to the entry and to every chunk whichever is rendered first.
      const internalNames = entry.exports.filter((name) => !publicNames.has(name)).sort();
      return chunk === entry || chunk.fileName === entryFileName
        ? rewriteEntry(this, code, publicNames, internalNames)
        : rewriteImporter(this, code, chunk.fileName, `./${entryFileName}`, internalNames);
    },
  };
}

/** The entry: internal names out of its export statement, into the exported array. */
function rewriteEntry(context, code, publicNames, internalNames) {
  const program = parse(code, PARSE);
  const statements = program.body.filter((node) => node.type === 'ExportNamedDeclaration');
  if (statements.length !== 1 || statements[0].source || statements[0].declaration) {
    context.error('internal-exports: the entry should end in one `export { … }` with no `from`; update the plugin');
  }
  const [statement] = statements;
  const kept = [];
  const localOf = new Map();
  for (const specifier of statement.specifiers) {
    const local = nameOf(specifier.local);
    const exported = nameOf(specifier.exported);
    if (publicNames.has(exported)) kept.push(local === exported ? local : `${local} as ${exported}`);
    else localOf.set(exported, local);
  }
  if (localOf.size === 0) return null;
  if (publicNames.has(INTERNAL_EXPORT) || code.includes(INTERNAL_EXPORT)) {
    context.error(`internal-exports: the name ${INTERNAL_EXPORT} is taken`);
  }
  const locals = internalNames.map((name) => localOf.get(name));
  assertConstant(context, program, locals);
  const replacement = `export const ${INTERNAL_EXPORT} = [${locals.join(', ')}]; export { ${kept.join(', ')} };`;
  return { code: splice(context, code, statement.range, replacement), map: null };
}

/**
 * Fails the build if a binding in `locals` may be assigned once the module has run: by code in a
 * function. Assignments at the top level (`X = __decorate(…, X)`) run before the object is built.
 */
function assertConstant(context, program, locals) {
  const moduleScope = analyze(program, { ecmaVersion: 2022, sourceType: 'module' }).scopes.find(
    (scope) => scope.type === 'module',
  );
  for (const name of locals) {
    const variable = moduleScope?.set.get(name);
    if (!variable) context.error(`internal-exports: ${name} is exported but not declared at the top level`);
    const late = variable.references.find(
      (reference) => reference.isWrite() && reference.from.variableScope !== moduleScope,
    );
    if (late) {
      context.error(
        `internal-exports: ${name} is assigned inside a function (offset ${late.identifier.range[0]}); a chunk would ` +
          'keep its first value. Keep it constant, or make this plugin export it by name.',
      );
    }
  }
}

/** A chunk: its internal imports from the entry, read from the exported array. */
function rewriteImporter(context, code, fileName, entrySpecifier, internalNames) {
  if (!code.includes(entrySpecifier)) return null;
  const program = parse(code, PARSE);
  let rewritten = code;
  for (const statement of [...program.body].reverse()) {
    if (statement.source?.value !== entrySpecifier) continue;
    if (statement.type !== 'ImportDeclaration' || statement.specifiers.some((s) => s.type !== 'ImportSpecifier')) {
      context.error(`internal-exports: ${fileName} uses the entry in a form this plugin does not rewrite`);
    }
    const kept = [];
    const internal = [];
    for (const specifier of statement.specifiers) {
      const imported = nameOf(specifier.imported);
      const local = specifier.local.name;
      const index = internalNames.indexOf(imported);
      if (index >= 0) internal.push(`${index}: ${local}`);
      else kept.push(imported === local ? local : `${imported} as ${local}`);
    }
    if (internal.length === 0) continue;
    if (code.includes(INTERNAL_EXPORT)) context.error(`internal-exports: ${fileName} already uses ${INTERNAL_EXPORT}`);
    const replacement =
      `import { ${[...kept, INTERNAL_EXPORT].join(', ')} } from ${JSON.stringify(entrySpecifier)}; ` +
      `const { ${internal.join(', ')} } = ${INTERNAL_EXPORT};`;
    rewritten = splice(context, rewritten, statement.range, replacement);
  }
  return rewritten === code ? null : { code: rewritten, map: null };
}

/** `code` with `range` replaced by `text`, on the same line: every other line keeps its source map. */
function splice(context, code, [start, end], text) {
  if (code.slice(start, end).includes('\n')) context.error('internal-exports: a statement to rewrite spans lines');
  return code.slice(0, start) + text + code.slice(end);
}
