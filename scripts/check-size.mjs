#!/usr/bin/env node
// Gzip (level 9) sizes of the self-contained build, dist/lead-registration-widget.js and the
// chunks it loads, against issue 7's budgets and a ratchet. Run after `npm run build`.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

/** 1 kB = 1000 bytes, as Vite reports sizes. */
const KB = 1000;

/**
 * Issue 7's budgets and, well below them, its targets:
 * - card-only: a page with only the registration card (and a REST backend) downloads the entry file
 *   and the chunks it imports statically, nothing lazy. 14 kB is about what a first TCP round trip delivers.
 * - all: everything the widget can ever load (entry and every lazy chunk), demo and mocks aside.
 */
const ISSUE_7 = {
  cardOnly: { budget: 14 * KB, target: 12 * KB },
  all: { budget: 24 * KB, target: 20 * KB },
};

/**
 * RATCHET until issue 7's budgets are met; lower it whenever the build shrinks.
 * The build is above the budgets, so CI enforces these instead: the sizes measured when this was set,
 * rounded up to the next 0.5 kB. Growing past them fails; a change that shrinks the build lowers them
 * (the output says when, and to what). Once a size is within its budget, set its ratchet to null: the
 * budget is enforced from then on. Set at 22.41 kB and 30.96 kB; `all` raised to 31.5 kB at 31.17 kB
 * for the card's domain look-up before Register, its focus after the Capacity Manager and its one
 * capacity-change per change (+0.2 kB).
 */
const RATCHET = {
  cardOnly: 22.0 * KB,
  all: 31.5 * KB,
};

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

/** Rounded up to the next 0.5 kB, as the ratchet is set. */
const ratchetFor = (bytes) => Math.ceil(bytes / (KB / 2)) * (KB / 2);
const k = (bytes) => (bytes / KB).toFixed(2);

let failed = false;
for (const [key, label, size] of [
  ['cardOnly', 'card-only page (entry + its static chunks)', cardOnly],
  ['all', 'everything the widget loads', all],
]) {
  const { budget, target } = ISSUE_7[key];
  const ratchet = RATCHET[key];
  const against = (limit) => (size <= limit ? `${k(limit - size)} kB under` : `${k(size - limit)} kB over`);
  const issue = `issue-7 budget ${k(budget)}: ${against(budget)}, target ${k(target)}: ${against(target)}`;
  // The ratchet while there is one, the budget once it is gone.
  const ok = size <= (ratchet ?? budget);
  failed ||= !ok;
  const enforced = ratchet == null ? 'budget enforced' : `ratchet ${k(ratchet)} ${ok ? 'ok' : 'EXCEEDED'}`;
  console.log(`${ok ? 'ok  ' : 'OVER'}  ${label} ${k(size)} kB: ${enforced}; ${issue}`);
  if (ratchet != null && ratchetFor(size) < ratchet) {
    console.log(`      the build shrank: lower RATCHET.${key} in scripts/check-size.mjs to ${k(ratchetFor(size))}`);
  }
  if (ratchet != null && size <= budget) {
    console.log(`      within issue 7's budget: set RATCHET.${key} to null in scripts/check-size.mjs`);
  }
}

// For information: a card-only page on the embedded LocalBackend (no REST backend) also loads its store.
const storeKey = Object.keys(manifest).find((key) => manifest[key].src === 'src/backends/indexeddb-store.ts');
if (storeKey && allKeys.has(storeKey) && !staticKeys.has(storeKey)) {
  const store = gzipSize(manifest[storeKey].file);
  console.log(`      (a card-only page on the embedded LocalBackend also loads its IndexedDB store: ${k(cardOnly + store)} kB)`);
}
process.exit(failed ? 1 : 0);
