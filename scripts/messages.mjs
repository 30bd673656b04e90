#!/usr/bin/env node
// `npm run docs:messages`: writes the table of every message id and its English text into
// docs/localization.md, between <!-- messages:start --> and <!-- messages:end -->, from the catalogs
// themselves (test/helpers/catalogs.ts, bundled here with esbuild). test/i18n/catalogs.test.ts fails
// when the table and the catalogs disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { format, resolveConfig } from 'prettier';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOC = join(ROOT, 'docs', 'localization.md');
const START = '<!-- messages:start -->';
const END = '<!-- messages:end -->';

const bundled = await build({
  entryPoints: [join(ROOT, 'test', 'helpers', 'catalogs.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
});
const { MESSAGE_IDS, documentedRow } = await import(
  `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`
);

const doc = readFileSync(DOC, 'utf8');
const start = doc.indexOf(START);
const end = doc.indexOf(END);
if (start < 0 || end < start) {
  console.error(`${DOC} has no ${START} … ${END} section.`);
  process.exit(1);
}
const table = ['| id | English |', '| --- | --- |', ...MESSAGE_IDS.map(documentedRow)].join('\n');
const written = `${doc.slice(0, start + START.length)}\n\n${table}\n\n${doc.slice(end)}`;
// As `npm run format` would leave it (Prettier pads the table's columns).
writeFileSync(DOC, await format(written, { ...(await resolveConfig(DOC)), filepath: DOC }));
console.log(`${DOC}: ${MESSAGE_IDS.length} messages.`);
