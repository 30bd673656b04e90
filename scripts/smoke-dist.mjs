#!/usr/bin/env node
// Smoke test of the built, self-contained file (`npm run build` first; `npm run smoke:dist`): a host
// page with no bundler loads dist/lead-registration-widget.js with <script type="module">, as the
// README says, against a small in-memory REST API (docs/contract.md#5-the-rest-api) served here. The whole test
// suite runs on the TypeScript sources; this checks what ships: minified, with its templates minified
// and its lazy chunks loaded by relative URL.
//
// 1. A page with only the card: it renders "Not registered", and the browser has fetched the entry
//    file alone, also once idle (no lazy chunk, issue 7).
// 2. Register: the card says "Registered".
// 3. Opening the gear menu fetches the Capacity Manager's chunk; its item opens the manager, whose
//    table lists the domain.
// 4. Escape closes it and focus is back on the gear.
// 5. A page with a <capacity-meter>: it shows the capacity.
//
// Options: --dist DIR (default dist) to check another build; --out DIR to write screenshots and the
// accessibility snapshots of each step (compare two builds' with `diff -r`).
/* global document, window */

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_PATH as CHROME, CHROMIUM_ARGS } from './chromium.mjs';

const { values: args } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, out: { type: 'string' } } });
const DIST = resolve(args.dist);
const ENTRY = 'lead-registration-widget.js';
const TIMEOUT_MS = 10_000;

if (!existsSync(join(DIST, ENTRY)) || !existsSync(join(DIST, 'core', 'index.js'))) {
  console.error(
    `${join(args.dist, ENTRY)} or ${join(args.dist, 'core', 'index.js')} not found: run \`npm run build\` first.`,
  );
  process.exit(1);
}
// The rules of the API come from the package's own `./core` build (no DOM, no lit).
const core = await import(pathToFileURL(join(DIST, 'core', 'index.js')).href);
const ledger = new core.RegistrationLedger('untiered', core.limitForTier('untiered'), [
  {
    id: 'r-1',
    domain: 'contoso.com',
    contactId: 'c-2',
    contactName: 'Ada Berg',
    company: 'Contoso',
    country: 'NO',
    registeredAt: '2026-01-05T10:00:00.000Z',
  },
  {
    id: 'r-2',
    domain: 'fabrikam.com',
    contactId: 'c-3',
    contactName: 'Li Wei',
    company: 'Fabrikam',
    country: 'NL',
    registeredAt: '2026-02-11T09:30:00.000Z',
  },
]);
const CONTACT = {
  id: 'c-1',
  website: 'https://www.northwind-analytics.com/about',
  name: 'Maya Lindqvist',
  company: 'Northwind Analytics',
  country: 'SE',
};

const PAGES = {
  '/card.html': `<lead-registration-card api-base="/api/" contact-id="${CONTACT.id}" website="${CONTACT.website}"
    contact-name="${CONTACT.name}" company="${CONTACT.company}" country="${CONTACT.country}"></lead-registration-card>`,
  '/meter.html': `<capacity-meter api-base="/api/"></capacity-meter>`,
};
const page = (
  body,
) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>smoke</title><link rel="icon" href="data:,">
<style>body { font: 16px/1.4 sans-serif; margin: 16px; width: 480px }</style>
<body>${body}<script type="module" src="/dist/${ENTRY}"></script></body></html>`;

const TYPES = { '.js': 'text/javascript', '.map': 'application/json', '.json': 'application/json' };

/** The REST API of docs/contract.md#5-the-rest-api, enough of it for the steps above. */
async function api(request, path) {
  const json = (status, body) => ({ status, type: 'application/json', body: JSON.stringify(body) });
  const problem = (error) => {
    const { code, message } = core.CapacityError.from(error);
    return {
      status: core.STATUS_BY_CODE[code] ?? 500,
      type: 'application/problem+json',
      body: JSON.stringify({ code, detail: message }),
    };
  };
  try {
    if (request.method === 'GET' && path === 'capacity') return json(200, ledger.capacity());
    if (request.method === 'GET' && path.startsWith('registrations')) {
      const query = core.queryFromSearchParams(new URL(path, 'http://x/').searchParams);
      return json(200, { ...ledger.query(query), capacity: ledger.capacity() });
    }
    const contact = /^contacts\/([^/]+)\/registration$/.exec(path);
    if (request.method === 'GET' && contact) {
      const registration = ledger.byContact(decodeURIComponent(contact[1]));
      return registration ? json(200, registration) : problem(new core.CapacityError('not-found'));
    }
    if (request.method === 'POST' && path === 'registrations') {
      let text = '';
      for await (const chunk of request) text += chunk;
      return json(201, ledger.register(JSON.parse(text), { id: `r-${Date.now()}`, now: new Date() }));
    }
    return problem(new core.CapacityError('not-found'));
  } catch (error) {
    return problem(error);
  }
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url, 'http://localhost');
  let reply;
  if (PAGES[url.pathname]) reply = { status: 200, type: 'text/html', body: page(PAGES[url.pathname]) };
  else if (url.pathname.startsWith('/api/')) reply = await api(request, url.pathname.slice(5) + url.search);
  else if (url.pathname.startsWith('/dist/') && !url.pathname.includes('..')) {
    try {
      reply = {
        status: 200,
        type: TYPES[extname(url.pathname)] ?? 'application/octet-stream',
        body: readFileSync(join(DIST, url.pathname.slice(6))),
      };
    } catch {
      reply = { status: 404, type: 'text/plain', body: 'not found' };
    }
  } else reply = { status: 404, type: 'text/plain', body: 'not found' };
  response.writeHead(reply.status, { 'Content-Type': reply.type, 'Cache-Control': 'no-store' });
  response.end(reply.body);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: CHROME,
  args: [...CHROMIUM_ARGS],
});

let step = 0;
/** Writes a screenshot and the accessibility snapshot of `locator` when --out is given. */
async function record(name, target, locator) {
  if (!args.out) return;
  mkdirSync(args.out, { recursive: true });
  const base = join(args.out, `${String(++step).padStart(2, '0')}-${name}`);
  await target.screenshot({ path: `${base}.png`, animations: 'disabled', caret: 'hide' });
  writeFileSync(`${base}.aria.yml`, `${await locator.ariaSnapshot()}\n`);
}

let failed = false;
async function check(name, run) {
  try {
    await run();
    console.log(`ok    ${name}`);
  } catch (error) {
    failed = true;
    console.log(
      `FAIL  ${name}\n      ${String(error?.message ?? error)
        .split('\n')
        .join('\n      ')}`,
    );
  }
}

try {
  const context = await browser.newContext({
    viewport: { width: 640, height: 720 },
    reducedMotion: 'reduce',
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(TIMEOUT_MS);
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  // The API answers 404 `not-found` for a contact with no registration: that is no error of the page.
  const apiNotFound = (message) => message.location().url.includes('/api/contacts/') && message.text().includes('404');
  tab.on(
    'console',
    (message) =>
      message.type() === 'error' &&
      !apiNotFound(message) &&
      errors.push(`${message.text()} (${message.location().url})`),
  );
  const scripts = [];
  tab.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname));

  const card = tab.locator('lead-registration-card');
  const body = card.locator('[part="body"]');
  const dialog = tab.getByRole('dialog', { name: 'Partner Registration Capacity' });

  await check('a card-only page renders the card and loads the entry file alone', async () => {
    await tab.goto(`${origin}/card.html`);
    await body.getByText('Not registered').waitFor();
    await body.getByText('northwind-analytics.com').waitFor();
    await tab.evaluate(() => new Promise((done) => window.requestIdleCallback(() => setTimeout(done, 300))));
    assert.deepEqual(scripts, [`/dist/${ENTRY}`]);
    await record('card-not-registered', card, card);
  });

  await check('Register registers the contact', async () => {
    await card.getByRole('button', { name: 'Register' }).click();
    await body.locator('.state.registered').waitFor();
    assert.equal(ledger.byContact(CONTACT.id)?.domain, 'northwind-analytics.com');
    await record('card-registered', card, card);
  });

  await check('the gear menu fetches the Capacity Manager and opens it, and it lists the domain', async () => {
    const dialogChunk = tab.waitForRequest((request) =>
      /\/lrw-capacity-manager-dialog-[\w-]+\.js$/.test(request.url()),
    );
    await card.getByRole('button', { name: 'Lead registration options' }).click();
    await dialogChunk; // fetched as the menu opens, before its item is chosen
    await record('card-menu', card, card);
    await card.getByRole('menuitem', { name: 'Manage your capacity' }).click();
    await dialog.waitFor();
    await dialog.getByRole('row').filter({ hasText: 'northwind-analytics.com' }).waitFor();
    await tab.evaluate(() => document.fonts.ready);
    await record('manager', tab, dialog);
  });

  await check('Escape closes the manager and focus returns to the gear', async () => {
    await tab.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const focused = await card.evaluate((element) => element.shadowRoot.activeElement?.id);
    assert.equal(focused, 'gear');
  });

  await check('a page with a capacity meter shows the capacity', async () => {
    const meterTab = await context.newPage();
    meterTab.on('pageerror', (error) => errors.push(String(error)));
    await meterTab.goto(`${origin}/meter.html`);
    const meter = meterTab.locator('capacity-meter');
    await meter.getByText('3 of 50').first().waitFor();
    await record('meter', meter, meter);
  });

  await check('no errors in the console', async () => assert.deepEqual(errors, []));
} finally {
  await browser.close();
  server.close();
}
console.log(failed ? '\nsmoke test of the built file FAILED' : `\nsmoke test of ${join(args.dist, ENTRY)} passed`);
process.exit(failed ? 1 : 0);
