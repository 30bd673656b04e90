#!/usr/bin/env node
// Gzip (level 9) sizes of the self-contained build, dist/lead-registration-widget.js and the
// chunks it loads, checked against the budgets below. Run after `npm run build`.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

/** 1 kB = 1000 bytes, as Vite reports sizes. */
const KB = 1000;
/**
 * A page with only the registration card downloads the entry file and the chunks it imports
 * statically, nothing lazy. 14 kB is about what a first TCP round trip delivers.
 */
const BUDGET_CARD_ONLY = 14 * KB;
/** Everything the widget can ever load (entry and every lazy chunk), demo and mocks aside. */
const BUDGET_ALL = 24 * KB;

const DIST = 'dist';
const ENTRY_FILE = 'lead-registration-widget.js';
const MANIFEST = join(DIST, '.vite', 'manifest.json');
/** Sources that are never part of the shipped widget, even if something lazily imports them. */
const NOT_SHIPPED = /^(demo|mocks)\//;

if (!existsSync(MANIFEST)) {
  console.error(`${MANIFEST} not found: run \`npm run build\` first.`);
  process.exit(1);
}

/** @type {Record<string, { file: string, src?: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[] }>} */
const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry && manifest[key].file === ENTRY_FILE);
if (!entryKey) {
  console.error(`${MANIFEST} has no entry for ${ENTRY_FILE}.`);
  process.exit(1);
}

/** Keys reachable from `start` through static imports, and through dynamic ones if `lazy`. */
function reachable(start, lazy) {
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key) || NOT_SHIPPED.test(manifest[key].src ?? key)) return;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
    if (lazy) for (const next of manifest[key].dynamicImports ?? []) visit(next);
  };
  visit(start);
  return seen;
}

const staticKeys = reachable(entryKey, false);
const allKeys = reachable(entryKey, true);

const gzipSize = (file) => gzipSync(readFileSync(join(DIST, file)), { level: constants.Z_BEST_COMPRESSION }).length;
const rawSize = (file) => readFileSync(join(DIST, file)).length;

const rows = [...allKeys].map((key) => {
  const { file } = manifest[key];
  return { file, loaded: staticKeys.has(key) ? 'static' : 'lazy', raw: rawSize(file), gzip: gzipSize(file) };
});
// Not counted, but shown so that nothing in the build goes unseen.
for (const [key, { file }] of Object.entries(manifest)) {
  if (!allKeys.has(key)) rows.push({ file, loaded: 'not counted', raw: rawSize(file), gzip: gzipSize(file) });
}
rows.sort((a, b) => (a.file === ENTRY_FILE ? -1 : b.file === ENTRY_FILE ? 1 : a.loaded.localeCompare(b.loaded) || a.file.localeCompare(b.file)));

const sum = (loaded) => rows.filter((row) => loaded.includes(row.loaded)).reduce((total, row) => total + row.gzip, 0);
const cardOnly = sum(['static']);
const all = sum(['static', 'lazy']);

const kb = (bytes) => `${(bytes / KB).toFixed(2)} kB`;
const width = Math.max(...rows.map((row) => row.file.length), 'file'.length);
const line = (file, loaded, raw, gzip) => `${file.padEnd(width)}  ${loaded.padEnd(11)}  ${raw.padStart(10)}  ${gzip.padStart(10)}`;
console.log(line('file', 'loaded', 'minified', 'gzip -9'));
for (const row of rows) console.log(line(row.file, row.loaded, kb(row.raw), kb(row.gzip)));
console.log();

let failed = false;
for (const [label, size, budget] of [
  ['card-only page (entry + static chunks)', cardOnly, BUDGET_CARD_ONLY],
  ['everything the widget loads', all, BUDGET_ALL],
]) {
  const ok = size <= budget;
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'OVER'}  ${label}: ${kb(size)} of ${kb(budget)} gzip`);
}
process.exit(failed ? 1 : 0);
