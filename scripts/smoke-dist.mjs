#!/usr/bin/env node
// Smoke test of the built, self-contained file (`npm run build` first; `npm run smoke:dist`): a host
// page with no bundler loads dist/lead-registration-widget.js with <script type="module">, as the
// README says, against the mock REST API (mocks/api.ts, on node:http by scripts/api-server.mjs). The whole test
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
// 6. The file's exports are the package's API (the bundler build's dist/index.js exports) and the one
//    array its lazy chunks import, `__internal` (scripts/internal-exports.mjs): no minified names.
// 7. A German page (lang="de") and an Arabic one (lang="ar" dir="rtl"): the card speaks the language,
//    and the browser has fetched the entry, that language's messages and the list of ids, nothing else.
//
// Options: --dist DIR (default dist) to check another build; --out DIR to write screenshots and the
// accessibility snapshots of each step (compare two builds' with `diff -r`).
/* global document, window */

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { parseSync } from 'vite';
import { startServer } from './api-server.mjs';
import { launchChromium } from './chromium.mjs';
import { OTHER_REGISTRATIONS as REGISTRATIONS } from './sample-registrations.mjs';

const { values: args } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, out: { type: 'string' } } });
const DIST = resolve(args.dist);
const ENTRY = 'lead-registration-widget.js';
const TIMEOUT_MS = 10_000;

if (!existsSync(join(DIST, ENTRY))) {
  console.error(`${join(args.dist, ENTRY)} not found: run \`npm run build\` first.`);
  process.exit(1);
}
/** On the server when the test starts: two other contacts' registrations. */
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
  '/card-de.html': `<div lang="de"><lead-registration-card api-base="/api/" contact-id="c-4"
    website="https://contoso.com"></lead-registration-card></div>`,
  '/card-ar.html': `<div lang="ar" dir="rtl"><lead-registration-card api-base="/api/" contact-id="c-5"
    website="https://acme.example"></lead-registration-card></div>`,
};
const page = (
  body,
) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>smoke</title><link rel="icon" href="data:,">
<style>body { font: 16px/1.4 sans-serif; margin: 16px; width: 480px }</style>
<body>${body}<script type="module" src="/dist/${ENTRY}"></script></body></html>`;

// The API of docs/openapi.json: the one mock implementation (mocks/api.ts), on node:http.
const server = await startServer({
  pages: Object.fromEntries(
    Object.entries(PAGES).map(([path, body]) => [path, { body: page(body), type: 'text/html' }]),
  ),
  api: { baseUrl: '/api', state: { registrations: REGISTRATIONS } },
  directories: { '/dist/': DIST },
  headers: { 'Cache-Control': 'no-store' },
});
const { origin } = server;

const browser = await launchChromium(chromium);

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
  // Every console error counts: a contact with no registration is answered 200, not 404.
  tab.on(
    'console',
    (message) => message.type() === 'error' && errors.push(`${message.text()} (${message.location().url})`),
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
    assert.equal(server.api.ledger.byContact(CONTACT.id)?.domain, 'northwind-analytics.com');
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

  await check('the file exports the package API and __internal, nothing else', async () => {
    const bundlerEntry = join(DIST, 'index.js');
    const { module } = parseSync(bundlerEntry, readFileSync(bundlerEntry, 'utf8'));
    const api = module.staticExports.flatMap((statement) => statement.entries.map((entry) => entry.exportName.name));
    assert.ok(api.includes('RestBackend'), `dist/index.js exports ${api.join(', ')}`);
    // A module namespace lists its names in code-unit order.
    const expected = [...api, '__internal'].sort();
    const exported = await tab.evaluate(async (url) => Object.keys(await import(url)), `/dist/${ENTRY}`);
    assert.deepEqual(exported, expected);
  });

  for (const { lang, state } of [
    // contoso.com is Ada Berg's (c-2): this contact's card says it is registered through another contact.
    { lang: 'de', state: 'Über einen anderen Kontakt registriert' },
    { lang: 'ar', state: 'غير مسجَّل' },
  ]) {
    await check(`a ${lang} page speaks ${lang}, loading its messages and the ids alone beside the entry`, async () => {
      const languageTab = await context.newPage();
      languageTab.on('pageerror', (error) => errors.push(String(error)));
      const loaded = [];
      languageTab.on('request', (request) => {
        if (request.resourceType() === 'script')
          loaded.push(new URL(request.url()).pathname.replace(/-[\w-]{8}\.js$/, ''));
      });
      await languageTab.goto(`${origin}/card-${lang}.html`);
      const languageCard = languageTab.locator('lead-registration-card');
      await languageCard.locator('.state').getByText(state, { exact: true }).waitFor();
      assert.deepEqual(loaded.sort(), [`/dist/${ENTRY}`, `/dist/lrw-${lang}`, '/dist/lrw-message-ids'].sort());
      await record(`card-${lang}`, languageCard, languageCard);
    });
  }

  await check('no errors in the console', async () => assert.deepEqual(errors, []));
} finally {
  await browser.close();
  await server.close();
}
console.log(failed ? '\nsmoke test of the built file FAILED' : `\nsmoke test of ${join(args.dist, ENTRY)} passed`);
process.exit(failed ? 1 : 0);
