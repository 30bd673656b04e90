#!/usr/bin/env node
// `npm run bench`: builds the benchmark page (bench/index.html, bench/bench.ts, over the sources) with
// Vite, serves it on a free local port, drives it in headless Chromium (CHROME_PATH, else
// /usr/bin/chromium) with playwright-core, prints a table and writes bench/results/latest.json.
// Each figure is the median of the runs (default 7, at least 5); beside it the same measurement of a
// plain-DOM baseline made in the same run, the ratio between the two, the target and whether it is met.
// The bench reports; it fails only when it cannot measure. What "painted" means: bench/bench.ts.
//
// Two scenarios run on host pages instead (bench/host-pages.mjs): the self-contained build
// (dist/lead-registration-widget.js, built here into a temporary folder with the project's Vite config)
// loaded by script tag, served with the mock API by scripts/api-server.mjs. slow-card: a card-only page,
// cold, on an emulated slow network and CPU, until Register is offered, beside a hand-written page
// making the same read; requests: the API requests of a page of 20 cards and a meter, and of a Register.
//
// Options: --runs N (≥ 5), --only NAME[,NAME] (scenarios: backend, card, manager-open, search,
// sort-and-page, deregister, heap, slow-card, requests; `seed`, which fills the databases the others
// read in a fresh browser profile, runs first unless only host-page scenarios are asked for), --out FILE.

/* global window */

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_MISSING, launchChromium } from '../scripts/chromium.mjs';
import {
  describePhases,
  describeRequests,
  ENTRY,
  median,
  requestCounts,
  slowCard,
  startHostServer,
} from './host-pages.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Scenarios on host pages (bench/host-pages.mjs), not on the benchmark page. */
const HOST_PAGE_SCENARIOS = ['slow-card', 'requests'];
const ALL = [
  'seed',
  'backend',
  'card',
  'manager-open',
  'search',
  'sort-and-page',
  'deregister',
  'heap',
  ...HOST_PAGE_SCENARIOS,
];
/** No scenario may take longer than this; the whole bench not longer than the sum. */
const SCENARIO_TIMEOUT_MS = 5 * 60_000;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    only: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results', 'latest.json') },
  },
});
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 5) {
  console.error('--runs must be a whole number of at least 5: each figure is the median of at least 5 runs.');
  process.exit(2);
}
const asked = args.only
  ? args.only
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== 'seed')
  : ALL.slice(1);
const onBenchPage = asked.some((name) => !HOST_PAGE_SCENARIOS.includes(name));
const onHostPages = asked.some((name) => HOST_PAGE_SCENARIOS.includes(name));
const only = onBenchPage ? ['seed', ...asked] : asked;
const unknown = only.filter((name) => !ALL.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown scenario ${unknown.join(', ')}; there are ${ALL.join(', ')}.`);
  process.exit(2);
}
if (CHROMIUM_MISSING) {
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}

/** Rejects after `ms` with a message naming `what`, unless `promise` settles first. */
function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${Math.round(ms / 1000)} s.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// --- Build and serve ------------------------------------------------------------------------------

const outDir = mkdtempSync(join(tmpdir(), 'lrw-bench-'));
const distDir = mkdtempSync(join(tmpdir(), 'lrw-bench-dist-'));
let server;
let hostServer;
let browser;
let hostBrowser;

async function cleanUp() {
  await browser?.close().catch(() => {});
  await hostBrowser?.close().catch(() => {});
  await new Promise((done) => (server ? server.close(() => done()) : done()));
  await hostServer?.close();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(distDir, { recursive: true, force: true });
}

process.on('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

async function buildPage() {
  await build({
    configFile: false,
    root: join(ROOT, 'bench'),
    base: './',
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      sourcemap: false,
      target: 'es2022',
      reportCompressedSize: false,
      rolldownOptions: {
        // The bench imports the manager's panel itself (to open it with 100 rows); that is not a mistake here.
        onwarn(warning, warn) {
          if (warning.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') warn(warning);
        },
      },
    },
  });
}

/** The self-contained build, as `vite build` (the first half of `npm run build:js`) makes dist/, into `distDir`. */
async function buildDist() {
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    root: ROOT,
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: distDir, emptyOutDir: true },
  });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

function serve() {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(outDir, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(outDir + sep) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    response.end(readFileSync(file));
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${server.address().port}/`));
  });
}

// --- Run --------------------------------------------------------------------------------------------

const rows = [];

async function main() {
  const started = Date.now();
  if (onBenchPage) {
    console.log('Building the benchmark page…');
    await within(buildPage(), 120_000, 'The build');
  }
  if (onHostPages) {
    console.log(`Building ${ENTRY} for the host pages…`);
    await within(buildDist(), 120_000, 'The build of dist');
    hostServer = await startHostServer(distDir);
  }

  const launch = (extraArgs) =>
    launchChromium(chromium, [
      ...extraArgs,
      // A page in the background of a headless browser must not be throttled.
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
    ]);
  // The host pages as a host's browser shows them, at its 60 Hz frame rate (a page load, not a
  // measure of work: bench/host-pages.mjs).
  if (onHostPages) hostBrowser = await launch([]);
  const errors = [];
  let page;
  let cdp;
  if (onBenchPage) {
    // Frames as soon as the page is ready for them, not at a 60 Hz vsync: the figures measure work.
    browser = await launch(['--disable-frame-rate-limit', '--disable-gpu-vsync']);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => errors.push(error));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(new Error(message.text()));
    });
    await page.goto(await serve());
    await page.waitForFunction(() => 'bench' in window, undefined, { timeout: 30_000 });
    cdp = await page.context().newCDPSession(page);
  }
  const version = (browser ?? hostBrowser).version();
  console.log(`Chromium ${version}, ${cpus().length} cores, ${runs} runs per figure.\n`);

  const run = (name) => {
    if (name === 'heap') return heap(page, cdp);
    if (name === 'slow-card') return slowCard(hostBrowser, hostServer.origin, runs);
    if (name === 'requests') return requestCounts(hostBrowser, hostServer, runs);
    return page.evaluate(([scenario, count]) => window.bench.run(scenario, count), [name, runs]);
  };
  for (const name of only) {
    const start = Date.now();
    process.stdout.write(`  ${name}… `);
    const result = await within(run(name), SCENARIO_TIMEOUT_MS, `The ${name} scenario`);
    rows.push(...result);
    console.log(`${((Date.now() - start) / 1000).toFixed(1)} s`);
    if (errors.length > 0) throw errors[0];
  }

  const figures = rows.map(summarise);
  printTable(figures);
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGB: Math.round(totalmem() / 2 ** 30),
      platform: process.platform,
    },
    chromium: version,
    node: process.version,
    runs,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    painted:
      'update complete, then a requestAnimationFrame callback, then the next task (the frame has rendered); no 60 Hz frame-rate limit',
    hostPages:
      'slow-card and requests: the self-contained build on host pages from scripts/api-server.mjs (gzip-compressed), a fresh browser context per run, at 60 Hz; painted: the first requestAnimationFrame callback that finds Register, then the next task',
    figures,
  };
  mkdirSync(dirname(resolve(args.out)), { recursive: true });
  writeFileSync(resolve(args.out), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWritten to ${resolve(args.out)}.`);
}

/** The JS heap with the manager (or the baseline table) open on 100,000, after a garbage collection. */
async function heap(page, cdp) {
  const used = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20;
  };
  const ours = [];
  const baseline = [];
  for (let run = 0; run < runs; run++) {
    for (const [side, list] of [
      ['ours', ours],
      ['baseline', baseline],
    ]) {
      await page.evaluate((which) => window.bench.heapOpen(which), side);
      list.push(await used());
      await page.evaluate(() => window.bench.heapClose());
    }
  }
  return [
    {
      id: 'heap-manager-100000',
      label: 'JS heap after opening the manager on 100,000',
      unit: 'MB',
      ours,
      baseline,
    },
  ];
}

function summarise(row) {
  const ours = median(row.ours);
  const baseline = row.baseline ? median(row.baseline) : undefined;
  const longestTask = row.longestTask ? Math.max(...row.longestTask) : undefined;
  const ratio = baseline ? ours / baseline : undefined;
  let pass;
  if (row.target) {
    const measured = { median: ours, ratio, 'longest task': longestTask }[row.target.of];
    pass = measured <= row.target.max;
  }
  const withinBaseline = ratio === undefined ? undefined : ratio <= 1.5;
  return { ...row, median: ours, baselineMedian: baseline, ratio, longestTaskMax: longestTask, pass, withinBaseline };
}

function printTable(figures) {
  const number = (value, unit) =>
    value === undefined ? '—' : `${value.toFixed(unit === 'requests' ? 2 : value < 10 ? 1 : 0)} ${unit}`;
  const header = ['measurement', 'ours', 'baseline', 'ratio ≤1.5×', 'longest task', 'target', 'result'];
  const lines = figures.map((figure) => {
    const target = !figure.target
      ? '—'
      : figure.target.of === 'ratio'
        ? `ratio ≤ ${figure.target.max}×`
        : `${figure.target.of === 'median' ? '' : 'task '}≤ ${figure.target.max} ${figure.unit}`;
    const ratio =
      figure.ratio === undefined ? '—' : `${figure.ratio.toFixed(2)}× ${figure.withinBaseline ? 'ok' : 'over'}`;
    const task =
      figure.longestTaskMax === undefined
        ? '—'
        : figure.longestTaskMax === 0
          ? '< 50 ms'
          : number(figure.longestTaskMax, 'ms');
    const result = figure.pass === undefined ? '—' : figure.pass ? 'pass' : 'MISS';
    return [
      figure.label,
      number(figure.median, figure.unit),
      number(figure.baselineMedian, figure.unit),
      ratio,
      task,
      target,
      result,
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ');
  console.log(`\n${format(header)}\n${widths.map((width) => '─'.repeat(width)).join('  ')}`);
  for (const line of lines) console.log(format(line));
  for (const figure of figures) {
    if (figure.phases) console.log(`\n${describePhases(figure)}`);
  }
  const counted = figures.filter((figure) => figure.requests);
  if (counted.length > 0) console.log(`\n  API requests made:\n${counted.map(describeRequests).join('\n')}`);
}

try {
  await main();
  await cleanUp();
} catch (error) {
  console.error(`\nThe benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await cleanUp();
  process.exit(1);
}
