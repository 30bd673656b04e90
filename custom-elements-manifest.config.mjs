// Custom Elements Manifest for the package (`npm run build:manifest`). The analyzer reads the
// TypeScript sources; the package ships dist/, so module paths are rewritten to the built files
// (the bundler build keeps one module per source file: src/x/y.ts → dist/x/y.js).
import { posix } from 'node:path';

const SOURCE = /^\/?src\/(.+)\.[jt]s$/;

/** `module` and `path` fields name a source file from the root, or relative to `base` (re-exports). */
function toDist(node, base) {
  if (Array.isArray(node)) {
    for (const item of node) toDist(item, base);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string') {
        const fromRoot = value.startsWith('.') ? posix.join(posix.dirname(base), value) : value;
        node[key] = fromRoot.replace(SOURCE, 'dist/$1.js');
      } else {
        toDist(value, base);
      }
    }
  }
}

export default {
  globs: ['src/**/*.ts'],
  litelement: true,
  plugins: [
    {
      name: 'dist-paths',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) toDist(module, module.path);
        // The analyzer lists modules in the order the file system gives them, which differs between
        // checkouts; sorted, the manifest is the same wherever it is generated (CI compares it).
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
    {
      // The analyzer takes some locals of methods (`const registration = await …` in the card) for
      // module variables; a declaration its module does not export is not part of the package.
      name: 'exported-only-no-css-source',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          const exported = new Set((module.exports ?? []).map((entry) => entry.declaration?.name));
          module.declarations = (module.declarations ?? []).filter((declaration) => exported.has(declaration.name));
          // A stylesheet's source is no documentation, and would make every CSS edit a manifest change.
          for (const declaration of module.declarations) {
            if (declaration.kind === 'variable' && declaration.default?.startsWith('css`')) delete declaration.default;
          }
        }
      },
    },
    {
      // Internal state (`state: true` in static properties) is neither an attribute nor public API,
      // but the analyzer reads every entry of static properties as both.
      name: 'internal-state',
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isClassDeclaration(node) || !node.name) return;
        const declaration = moduleDoc.declarations?.find((candidate) => candidate.name === node.name.text);
        const properties = node.members.find(
          (member) =>
            ts.isPropertyDeclaration(member) &&
            member.name.getText() === 'properties' &&
            member.initializer &&
            ts.isObjectLiteralExpression(member.initializer),
        );
        if (!declaration || !properties) return;
        for (const entry of properties.initializer.properties) {
          const options = ts.isPropertyAssignment(entry) ? entry.initializer : undefined;
          const isState =
            options &&
            ts.isObjectLiteralExpression(options) &&
            options.properties.some(
              (option) => option.name?.getText() === 'state' && option.initializer?.kind === ts.SyntaxKind.TrueKeyword,
            );
          if (!isState) continue;
          const name = entry.name.getText();
          declaration.attributes = (declaration.attributes ?? []).filter((attribute) => attribute.fieldName !== name);
          declaration.members = (declaration.members ?? []).filter((member) => member.name !== name);
        }
      },
    },
  ],
};
