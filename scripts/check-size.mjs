#!/usr/bin/env node
// Gzip (level 9) sizes of the self-contained build, dist/lead-registration-widget.js and the
// chunks it loads, against issue 7's budgets and a ratchet. Run after `npm run build`.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

/** 1 kB = 1000 bytes, as Vite reports sizes. */
const KB = 1000;

/**
 * Issue 7's budgets and, well below them, its targets, for a page with the card and a REST backend:
 * - cardOnly: what it downloads before the Capacity Manager opens: the entry file and the chunks it
 *   imports statically, nothing lazy. 14 kB is about what a first TCP round trip delivers.
 * - cardAndManager: the same page once the manager has opened: also the manager's chunk (MANAGER_ENTRY)
 *   and every chunk it imports, statically or lazily (the body of the meter it shows).
 * Not budgeted, but held by the ratchet: everything the widget can ever load (every lazy chunk,
 * also the IndexedDB store a page on the embedded LocalBackend loads), demo and mocks aside.
 */
const ISSUE_7 = {
  cardOnly: { budget: 14 * KB, target: 12 * KB },
  cardAndManager: { budget: 24 * KB, target: 20 * KB },
  all: undefined,
};

/**
 * RATCHET until issue 7's budgets are met; lower it whenever the build shrinks.
 * The build is above the budgets, so CI enforces these instead: the sizes measured when this was set,
 * rounded up to the next 0.5 kB. Growing past them fails; a change that shrinks the build lowers them
 * (the output says when, and to what). Once a size is within its budget, set its ratchet to null: the
 * budget is enforced from then on. History: set at 22.41 / 30.96 kB (card-only / everything); everything
 * raised to 31.5 kB at 31.17 kB for the card's domain look-up before Register, its focus after the
 * manager and its one capacity-change per change. Card-only lowered to 20.0 kB when the meter's and
 * the manager's bodies became lazy chunks (21.93 → 19.58 kB); that split costs everything 0.2 kB (each
 * chunk imports what it shares with the entry), so everything was raised to 32.0 kB at 31.68 kB. The
 * card + manager figure was first measured then: 28.41 kB (issue 7's 24 kB used to be checked against
 * everything; the issue budgets "card and manager together", which a REST page never adds the
 * IndexedDB store to). Card + manager raised to 29.0 kB at 28.59 kB for the small dialog that stands in
 * while the manager's chunk loads or when it cannot be loaded (+0.18 kB in the entry).
 */
const RATCHET = {
  cardOnly: 20.0 * KB,
  cardAndManager: 29.0 * KB,
  all: 32.0 * KB,
};

/** The source of the lazy chunk that opening the Capacity Manager loads. */
const MANAGER_ENTRY = 'src/elements/capacity-manager/capacity-manager-dialog.ts';

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

/** Keys reachable from `start` through static imports, and through dynamic ones if `lazy`; not through `known` ones. */
function reachable(start, lazy, known = new Set()) {
  const seen = new Set(known);
  const visit = (key) => {
    if (seen.has(key) || NOT_SHIPPED.test(manifest[key].src ?? key)) return;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
    if (lazy) for (const next of manifest[key].dynamicImports ?? []) visit(next);
  };
  visit(start);
  for (const key of known) seen.delete(key);
  return seen;
}

const staticKeys = reachable(entryKey, false);
const allKeys = reachable(entryKey, true);
const managerKey = Object.keys(manifest).find((key) => manifest[key].src === MANAGER_ENTRY);
if (!managerKey) {
  console.error(`${MANIFEST} has no chunk for ${MANAGER_ENTRY}: update MANAGER_ENTRY in scripts/check-size.mjs.`);
  process.exit(1);
}
// What opening it adds to the card-only page: its chunk and what that imports, but not the entry's other lazy chunks.
const managerKeys = new Set([...staticKeys, ...reachable(managerKey, true, staticKeys)]);

const gzipSize = (file) => gzipSync(readFileSync(join(DIST, file)), { level: constants.Z_BEST_COMPRESSION }).length;
const rawSize = (file) => readFileSync(join(DIST, file)).length;

const rows = [...allKeys].map((key) => {
  const { file } = manifest[key];
  const loaded = staticKeys.has(key) ? 'static' : managerKeys.has(key) ? 'manager' : 'lazy';
  return { file, loaded, raw: rawSize(file), gzip: gzipSize(file) };
});
// Not counted, but shown so that nothing in the build goes unseen.
for (const [key, { file }] of Object.entries(manifest)) {
  if (!allKeys.has(key)) rows.push({ file, loaded: 'not counted', raw: rawSize(file), gzip: gzipSize(file) });
}
rows.sort((a, b) =>
  a.file === ENTRY_FILE
    ? -1
    : b.file === ENTRY_FILE
      ? 1
      : a.loaded.localeCompare(b.loaded) || a.file.localeCompare(b.file),
);

const sum = (loaded) => rows.filter((row) => loaded.includes(row.loaded)).reduce((total, row) => total + row.gzip, 0);
const sizes = {
  cardOnly: sum(['static']),
  cardAndManager: sum(['static', 'manager']),
  all: sum(['static', 'manager', 'lazy']),
};

const kb = (bytes) => `${(bytes / KB).toFixed(2)} kB`;
const width = Math.max(...rows.map((row) => row.file.length), 'file'.length);
const line = (file, loaded, raw, gzip) =>
  `${file.padEnd(width)}  ${loaded.padEnd(11)}  ${raw.padStart(10)}  ${gzip.padStart(10)}`;
console.log(line('file', 'loaded', 'minified', 'gzip -9'));
for (const row of rows) console.log(line(row.file, row.loaded, kb(row.raw), kb(row.gzip)));
console.log();

/** Rounded up to the next 0.5 kB, as the ratchet is set. */
const ratchetFor = (bytes) => Math.ceil(bytes / (KB / 2)) * (KB / 2);
const k = (bytes) => (bytes / KB).toFixed(2);

let failed = false;
for (const [key, label] of [
  ['cardOnly', 'card-only page, REST backend (entry + its static chunks)'],
  ['cardAndManager', 'card + Capacity Manager (+ the chunks opening it loads)'],
  ['all', 'everything the widget can load (+ IndexedDB store)'],
]) {
  const size = sizes[key];
  const ratchet = RATCHET[key];
  const against = (limit) => (size <= limit ? `${k(limit - size)} kB under` : `${k(size - limit)} kB over`);
  const { budget, target } = ISSUE_7[key] ?? { budget: ratchet };
  const issue = ISSUE_7[key]
    ? `issue-7 budget ${k(budget)}: ${against(budget)}, target ${k(target)}: ${against(target)}`
    : 'no budget of its own';
  // The ratchet while there is one, the budget once it is gone.
  const ok = size <= (ratchet ?? budget);
  failed ||= !ok;
  const enforced = ratchet == null ? 'budget enforced' : `ratchet ${k(ratchet)} ${ok ? 'ok' : 'EXCEEDED'}`;
  console.log(`${ok ? 'ok  ' : 'OVER'}  ${label} ${k(size)} kB: ${enforced}; ${issue}`);
  if (ratchet != null && ratchetFor(size) < ratchet) {
    console.log(`      the build shrank: lower RATCHET.${key} in scripts/check-size.mjs to ${k(ratchetFor(size))}`);
  }
  if (ISSUE_7[key] && ratchet != null && size <= budget) {
    console.log(`      within issue 7's budget: set RATCHET.${key} to null in scripts/check-size.mjs`);
  }
}

// For information: a card-only page on the embedded LocalBackend (no REST backend) also loads its store.
const storeKey = Object.keys(manifest).find((key) => manifest[key].src === 'src/backends/indexeddb-store.ts');
if (storeKey && allKeys.has(storeKey) && !staticKeys.has(storeKey)) {
  const store = gzipSize(manifest[storeKey].file);
  console.log(
    `      (a card-only page on the embedded LocalBackend also loads its IndexedDB store: ${k(sizes.cardOnly + store)} kB)`,
  );
}
process.exit(failed ? 1 : 0);
