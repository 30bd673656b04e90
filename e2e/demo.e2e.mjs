// End-to-end test of the built demo (dist-demo/, `npm run build:demo` first): playwright-core drives
// the local Chromium against `vite preview`, started here on a free port and stopped at the end.
// Run with `npm run e2e`. Screenshots go to e2e/screenshots/ (gitignored).
//
// The page runs with its defaults: the REST API mocked by MSW, untiered (limit 50), 45 seeded
// registrations, none of them for the contacts used here except Jonas Becker's.
//
// Locators are by role and accessible name wherever the page offers them: a control that loses its
// role or name fails the test, so the test doubles as an accessibility check of the paths it takes.
/* global document, getComputedStyle, HTMLElement */

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_MISSING, launchChromium } from '../scripts/chromium.mjs';
import { STEP_MS, text, until } from './helpers.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist-demo', 'index.html');
const SCREENSHOTS = join(ROOT, 'e2e', 'screenshots');

const SERVER_START_MS = 20_000;
const TEST_MS = 90_000;

/** Maya Lindqvist: an ordinary contact, not registered in the seeded data. */
const ORDINARY = { id: 'c-1001', name: 'Maya Lindqvist', domain: 'northwind-analytics.com' };
const SEEDED = 45;
const LIMIT = 50;

// ── Server and browser ─────────────────────────────────────────────────────────────────────────

/** A port nothing listens on now (the OS picks it); vite preview gets it with --strictPort. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers 200, rejects after `ms` or when the server process ends. */
async function waitForServer(url, child, ms) {
  const deadline = Date.now() + ms;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`vite preview exited before answering (code ${child.exitCode})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within ${ms} ms`);
}

/** Stops the server: SIGTERM, then SIGKILL if it has not gone within 3 s. */
async function stopServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

/** The newest modification time among the files under `paths` (files or folders). */
function newestChange(paths) {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    newest = Math.max(
      newest,
      stat.isDirectory() ? newestChange(readdirSync(path).map((name) => join(path, name))) : stat.mtimeMs,
    );
  }
  return newest;
}

let server;
let browser;
let baseUrl;
/** Server output, shown when it fails to start. */
let serverLog = '';

before(
  async () => {
    assert.ok(!CHROMIUM_MISSING, CHROMIUM_MISSING);
    assert.ok(existsSync(DIST), `${DIST} does not exist: run \`npm run build:demo\` before the end-to-end test.`);
    const sources = ['index.html', 'demo', 'src', 'mocks', 'public'].map((path) => join(ROOT, path));
    if (newestChange(sources) > statSync(DIST).mtimeMs) {
      console.warn('Warning: dist-demo/ is older than the sources; this tests the last build (npm run build:demo).');
    }

    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    // vite's own bin through node (not npx): one process, so stopping it stops the server.
    server = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
        'preview',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--strictPort',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
    );
    server.stdout.on('data', (chunk) => (serverLog += chunk));
    server.stderr.on('data', (chunk) => (serverLog += chunk));
    // Whatever happens to this process, the server goes with it.
    process.once('exit', () => server.kill('SIGKILL'));
    try {
      await waitForServer(`${baseUrl}/`, server, SERVER_START_MS);
    } catch (error) {
      throw new Error(`${error.message}\n--- vite preview output ---\n${serverLog}`, { cause: error });
    }

    browser = await launchChromium(chromium);
    mkdirSync(SCREENSHOTS, { recursive: true });
  },
  { timeout: 60_000 },
);

after(
  async () => {
    await browser?.close().catch(() => undefined);
    await stopServer(server);
  },
  { timeout: 15_000 },
);

// ── Page helpers ───────────────────────────────────────────────────────────────────────────────

/**
 * The console errors a run may show: Chromium logs every 4xx answer as a failed resource, and the
 * API answers 409 for a domain already taken. Only that, and only from the mocked API, is expected;
 * anything else fails the test (a contact with no registration is answered 200: no 404 is expected).
 */
const EXPECTED_CONSOLE_ERROR = /^Failed to load resource: the server responded with a status of 409 \(Conflict\)$/;

/**
 * A fresh browser context (its own MSW worker and data) on the demo, with page errors and console
 * errors recorded. `check()` asserts that none were unexpected.
 */
async function openDemo({
  query = '',
  width = 1280,
  height = 900,
  colorScheme = 'light',
  words = { card: 'Lead registration', meter: 'Capacity', manager: 'Partner Registration Capacity' },
} = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    colorScheme,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(STEP_MS);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url ?? '';
    const expected = EXPECTED_CONSOLE_ERROR.test(message.text()) && new URL(url, baseUrl).pathname.startsWith('/api/');
    if (!expected) problems.push(`console error: ${message.text()} (${url})`);
  });
  await page.goto(`${baseUrl}/${query}`);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const meter = page.getByRole('banner').getByRole('meter', { name: words.meter });
  // The page is ready once the mock API answered the meter.
  await meter.waitFor();
  return {
    context,
    page,
    nav,
    meter,
    /** The compact meter's visible text, "45 of 50". */
    meterSummary: page.getByRole('banner').locator('capacity-meter [part=summary]'),
    card: page.getByRole('group', { name: words.card }),
    manager: page.getByRole('dialog', { name: words.manager }),
    check() {
      assert.deepEqual(problems, [], 'no page errors and no unexpected console errors');
    },
    async close() {
      await context.close();
    },
  };
}

/** The meter's value: how many domains are used. */
const meterValue = async (meter) => Number(await meter.getAttribute('aria-valuenow'));

/** The focused element, inside open shadow roots, described by its role-ish tag and name. */
function focused(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return '(body)';
    const name = element.getAttribute('aria-label') ?? element.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const type = element.localName === 'input' ? `[type=${element.getAttribute('type')}]` : '';
    return `${element.localName}${type} "${name}"`;
  });
}

/** Presses Tab (or Shift+Tab) until `matches(focused)` holds, failing after `max` presses. */
async function tabTo(page, matches, what, { max = 40, back = false } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (matches(now)) return now;
    seen.push(now);
  }
  assert.fail(`Tab never reached ${what}; focus went through:\n  ${seen.join('\n  ')}`);
}

/** The data rows of the manager's table, by domain (the row header). */
async function rowDomains(manager) {
  return manager.getByRole('row').getByRole('rowheader').allInnerTexts();
}

/** Waits until the table shows `domains` exactly (in this order). */
async function expectRows(manager, domains, message) {
  await until(() => rowDomains(manager), domains, message);
}

async function screenshot(page, name, options = {}) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), animations: 'disabled', ...options });
}

// ── Scenarios ──────────────────────────────────────────────────────────────────────────────────

describe('demo (dist-demo via vite preview)', { timeout: 5 * TEST_MS }, () => {
  test('A: register a contact, then deregister it from the card’s gear menu', { timeout: TEST_MS }, async () => {
    const demo = await openDemo({ query: `?seed=${SEEDED}&contact=${ORDINARY.id}` });
    try {
      const { page, card, meter, manager } = demo;
      await assert.doesNotReject(page.getByRole('heading', { level: 1, name: ORDINARY.name }).waitFor());
      await until(() => meterValue(meter), SEEDED, 'the seeded count in the navigation meter');
      assert.equal(await text(demo.meterSummary), `${SEEDED} of ${LIMIT}`);

      // Register from the card.
      await card.getByText('Not registered', { exact: true }).waitFor();
      await card.getByRole('button', { name: 'Register', exact: true }).click();
      await card.getByText('Registered', { exact: true }).first().waitFor();
      assert.equal(await text(card.locator('.state')), 'Registered');
      assert.equal(
        await text(
          card
            .locator('dl div')
            .filter({ has: page.getByRole('term').getByText('Domain', { exact: true }) })
            .getByRole('definition'),
        ),
        ORDINARY.domain,
        'the card shows the registered domain',
      );
      await until(() => meterValue(meter), SEEDED + 1, 'the meter counts the registration');
      assert.equal(await text(demo.meterSummary), `${SEEDED + 1} of ${LIMIT}`);
      await screenshot(page, 'contact-registered-light-1280');

      // Open the manager from the card's gear menu.
      const gear = card.getByRole('button', { name: 'Lead registration options' });
      await gear.click();
      assert.equal(await gear.getAttribute('aria-expanded'), 'true');
      await page
        .getByRole('menu', { name: 'Lead registration options' })
        .getByRole('menuitem', { name: 'Manage your capacity' })
        .click();
      await manager.waitFor();
      const search = manager.getByRole('searchbox', { name: 'Search' });
      await until(
        () => focused(page).then((f) => f.startsWith('input[type=search]')),
        true,
        'focus starts in the search field',
      );
      await manager.getByRole('meter', { name: 'Registration capacity' }).waitFor();

      // Search for the contact's domain.
      await search.fill(ORDINARY.domain);
      await expectRows(manager, [ORDINARY.domain], 'the search finds the one registration');

      // Sort: Domain (the default, ascending) → Company ascending → Company descending.
      const domainHeader = manager.getByRole('columnheader', { name: 'Domain' });
      const companyHeader = manager.getByRole('columnheader', { name: 'Company' });
      assert.equal(await domainHeader.getAttribute('aria-sort'), 'ascending');
      assert.equal(await companyHeader.getAttribute('aria-sort'), null);
      await companyHeader.getByRole('button', { name: 'Company' }).click();
      await until(() => companyHeader.getAttribute('aria-sort'), 'ascending', 'Company sorts ascending');
      assert.equal(await domainHeader.getAttribute('aria-sort'), null, 'only one column is sorted');
      await companyHeader.getByRole('button', { name: 'Company' }).click();
      await until(() => companyHeader.getAttribute('aria-sort'), 'descending', 'a second click sorts descending');
      await expectRows(manager, [ORDINARY.domain], 'the sort keeps the search');

      // Select the row, deregister, confirm.
      const rowCheckbox = manager.getByRole('checkbox', { name: `Select ${ORDINARY.domain}` });
      await rowCheckbox.check();
      assert.equal(await rowCheckbox.isChecked(), true);
      await manager.getByText('1 domain selected').waitFor();
      await manager.getByRole('button', { name: /^Deregister/ }).click();
      const confirmation = page.getByRole('alertdialog', { name: 'Deregister 1 domain?' });
      await confirmation.waitFor();
      assert.deepEqual(
        await confirmation.getByRole('list', { name: 'Domains to deregister' }).getByRole('listitem').allInnerTexts(),
        [ORDINARY.domain],
      );
      await confirmation.getByRole('button', { name: 'Yes, deregister' }).click();
      await confirmation.waitFor({ state: 'hidden' });

      const announcement = manager.getByRole('status').filter({ hasText: 'deregistered' });
      await until(
        () => text(announcement),
        `1 domain deregistered. ${SEEDED} of ${LIMIT} used.`,
        'the status region announces it',
      );
      await until(() => meterValue(meter), SEEDED, 'the navigation meter is back to the seeded count');
      await manager.getByText(`No registered domains match “${ORDINARY.domain}”.`).waitFor();

      // Close: the card is Not registered again, focus is back on the gear.
      await manager.getByRole('button', { name: 'Close' }).click();
      await manager.waitFor({ state: 'hidden' });
      await card.getByText('Not registered', { exact: true }).waitFor();
      await card.getByRole('button', { name: 'Register', exact: true }).waitFor();
      assert.equal(await meterValue(meter), SEEDED);
      assert.equal(await focused(page), 'button "Lead registration options"', 'focus returns to the gear');
      demo.check();
    } finally {
      await demo.close();
    }
  });

  // Settings from the address: Silver (limit 500) with 480 seeded; on a desktop and a phone.
  for (const width of [1280, 375]) {
    test(
      `B (${width} px): deregister two domains from the navigation’s Capacity item`,
      { timeout: TEST_MS },
      async () => {
        const [seeded, limit] = [480, 500];
        const demo = await openDemo({ query: `?seed=${seeded}&tier=silver`, width, height: width > 800 ? 900 : 812 });
        try {
          const { page, nav, meter, manager } = demo;
          await until(() => meterValue(meter), seeded, 'the seeded count in the navigation meter');
          assert.equal(await text(demo.meterSummary), `${seeded} of ${limit}`);

          const capacityButton = nav.getByRole('button', { name: 'Capacity' });
          await capacityButton.click();
          await manager.waitFor();
          await until(async () => (await rowDomains(manager)).length, 25, 'the first page holds 25 rows');
          await manager.getByText(`1–25 of ${seeded}`).waitFor();

          // Newest first: Registered sorts descending on its first click.
          const registeredHeader = manager.getByRole('columnheader', { name: 'Registered' });
          await registeredHeader.getByRole('button', { name: 'Registered' }).click();
          await until(() => registeredHeader.getAttribute('aria-sort'), 'descending', 'Registered sorts newest first');
          await until(
            async () => {
              const dates = await manager
                .getByRole('row')
                .locator('time')
                .evaluateAll((times) => times.map((time) => time.dateTime));
              return dates.length === 25 && dates.every((date, i) => i === 0 || dates[i - 1] >= date);
            },
            true,
            'the rows are in descending order of registration',
          );

          const [first, second] = await rowDomains(manager);
          await manager.getByRole('checkbox', { name: `Select ${first}` }).check();
          await manager.getByRole('checkbox', { name: `Select ${second}` }).check();
          await manager.getByText('2 domains selected').waitFor();
          await manager.getByRole('button', { name: 'Deregister 2' }).click();

          const confirmation = page.getByRole('alertdialog', { name: 'Deregister 2 domains?' });
          await confirmation.waitFor();
          const listed = await confirmation
            .getByRole('list', { name: 'Domains to deregister' })
            .getByRole('listitem')
            .allInnerTexts();
          assert.deepEqual([...listed].sort(), [first, second].sort(), 'the confirmation lists both domains');
          await confirmation.getByRole('button', { name: 'Yes, deregister' }).click();

          const announcement = manager.getByRole('status').filter({ hasText: 'deregistered' });
          await until(
            () => text(announcement),
            `2 domains deregistered. ${seeded - 2} of ${limit} used.`,
            'the status region announces it',
          );
          await until(() => meterValue(meter), seeded - 2, 'the navigation meter drops by 2');
          await until(
            async () => (await rowDomains(manager)).some((domain) => domain === first || domain === second),
            false,
            'the rows are gone',
          );
          await manager.getByText(`1–25 of ${seeded - 2}`).waitFor();

          await manager.getByRole('button', { name: 'Close' }).click();
          await manager.waitFor({ state: 'hidden' });
          assert.equal(await focused(page), 'button "Capacity"', 'focus returns to the Capacity item');
          assert.equal(await meterValue(meter), seeded - 2);
          demo.check();
        } finally {
          await demo.close();
        }
      },
    );
  }

  test('C: the manager by keyboard alone (Tab, Enter, Space, Escape)', { timeout: TEST_MS }, async () => {
    const demo = await openDemo({ query: `?seed=${SEEDED}&contact=c-1005` });
    try {
      const { page, meter, manager } = demo;
      await until(() => meterValue(meter), SEEDED, 'the seeded count in the navigation meter');

      // Jonas Becker's pre-seeded registration (helixrobotics.de) is the one deregistered here.
      const domain = 'helixrobotics.de';
      await tabTo(page, (f) => f === 'button "Capacity"', 'the navigation’s Capacity item');
      await page.keyboard.press('Enter');
      await manager.waitFor();
      await until(() => focused(page), 'input[type=search] ""', 'focus starts in the search field');
      await page.keyboard.type(domain);
      await page.keyboard.press('Enter'); // searches at once, without waiting for the pause
      await expectRows(manager, [domain], 'the search finds the one registration');

      // Escape in a search field with text clears it; the manager stays open.
      await page.keyboard.press('Escape');
      await until(async () => (await rowDomains(manager)).length, 25, 'the cleared search lists the first page again');
      assert.equal(await manager.isVisible(), true, 'the first Escape only clears the search');
      await page.keyboard.type(domain);
      await page.keyboard.press('Enter');
      await expectRows(manager, [domain], 'searched again');

      // Sort by Domain with Enter on its header button.
      const domainHeader = manager.getByRole('columnheader', { name: 'Domain' });
      await tabTo(page, (f) => f === 'button "Domain"', 'the Domain sort button');
      await page.keyboard.press('Enter');
      await until(() => domainHeader.getAttribute('aria-sort'), 'descending', 'Enter on the sorted column reverses it');

      // Select the row with Space.
      await tabTo(page, (f) => f === `input[type=checkbox] "Select ${domain}"`, 'the row checkbox');
      await page.keyboard.press('Space');
      await until(
        () => manager.getByRole('checkbox', { name: `Select ${domain}` }).isChecked(),
        true,
        'Space selects the row',
      );

      // Back to Deregister; Enter opens the confirmation with focus on Cancel; Escape closes only it.
      await tabTo(page, (f) => f.startsWith('button "Deregister'), 'the Deregister button', { back: true });
      await page.keyboard.press('Enter');
      const confirmation = page.getByRole('alertdialog', { name: 'Deregister 1 domain?' });
      await confirmation.waitFor();
      assert.equal(await focused(page), 'button "Cancel"', 'the confirmation starts on its safe choice');
      await page.keyboard.press('Escape');
      await confirmation.waitFor({ state: 'hidden' });
      assert.equal(await manager.isVisible(), true, 'Escape closed the confirmation, not the manager');
      assert.match(await focused(page), /^button "Deregister/, 'focus is back on Deregister');

      // Again, and confirm with Enter on "Yes, deregister".
      await page.keyboard.press('Enter');
      await confirmation.waitFor();
      await tabTo(page, (f) => f === 'button "Yes, deregister"', 'Yes, deregister', { max: 5 });
      await page.keyboard.press('Enter');
      const announcement = manager.getByRole('status').filter({ hasText: 'deregistered' });
      await until(() => text(announcement), `1 domain deregistered. ${SEEDED - 1} of ${LIMIT} used.`, 'announced');
      await until(() => meterValue(meter), SEEDED - 1, 'the navigation meter drops by 1');

      // Escape: the search field holds text, so the first clears it and the second closes.
      await until(() => focused(page).then((f) => f !== '(body)'), true, 'focus stays in the manager');
      await tabTo(page, (f) => f.startsWith('input[type=search]'), 'the search field', { back: true });
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await manager.waitFor({ state: 'hidden' });
      assert.equal(await focused(page), 'button "Capacity"', 'focus returns to the Capacity item');
      demo.check();
    } finally {
      await demo.close();
    }
  });

  // On a phone the card comes right after the record header, not below About and Activity; on a
  // desktop it has a column of its own beside them. Either way it follows the header in reading and
  // Tab order, so that what a screen reader or the keyboard meets matches the screen.
  for (const width of [375, 1280]) {
    test(
      `D (${width} px): the lead registration card follows the record header, on screen and in Tab order`,
      { timeout: TEST_MS },
      async () => {
        const demo = await openDemo({
          query: `?seed=${SEEDED}&contact=${ORDINARY.id}`,
          width,
          height: width > 800 ? 900 : 812,
        });
        try {
          const { page, card } = demo;
          await card.getByRole('button', { name: 'Register', exact: true }).waitFor();
          const main = page.getByRole('main');
          const header = await main.locator('.record-header').boundingBox();
          const box = await card.boundingBox();
          const about = await main.getByRole('region', { name: 'About this contact' }).boundingBox();
          if (width < 800) {
            assert.ok(
              box.y >= header.y + header.height && box.y < about.y,
              `the card (at ${box.y} px) sits between the header and About (at ${about.y} px)`,
            );
            assert.ok(box.y < 812, `the card starts on the first screen (at ${box.y} px)`);
          } else {
            assert.ok(box.x >= header.x + header.width, 'the card is in a column beside the record');
            assert.ok(Math.abs(box.y - header.y) < 1, 'level with the header');
            const gap = about.y - (header.y + header.height);
            const usual = await main.evaluate((element) => parseFloat(getComputedStyle(element).rowGap));
            assert.ok(
              Math.abs(gap - usual) < 1,
              `About follows the header ${gap} px below it, not ${usual} px: the card's column stretched its row`,
            );
          }
          // Tab from the header's last control goes into the card next.
          await main.getByRole('link', { name: 'Call' }).focus();
          await page.keyboard.press('Tab');
          assert.equal(await focused(page), 'button "Lead registration options"', 'after Call, the card’s gear');
          assert.equal(
            await main
              .getByRole('region', { name: 'Contact tools' })
              .getByRole('group', { name: 'Lead registration' })
              .count(),
            1,
          );
          demo.check();
        } finally {
          await demo.close();
        }
      },
    );
  }

  test(
    'screenshots: light and dark, 1280 and 375 px wide, the contact page and the open manager',
    { timeout: 2 * TEST_MS },
    async () => {
      for (const colorScheme of ['light', 'dark']) {
        for (const width of [1280, 375]) {
          const demo = await openDemo({
            query: `?seed=${SEEDED}&contact=${ORDINARY.id}`,
            width,
            height: width > 800 ? 900 : 812,
            colorScheme,
          });
          try {
            const { page, nav, card, meter, manager } = demo;
            const name = `${colorScheme}-${width}`;
            await until(() => meterValue(meter), SEEDED, 'loaded');
            await card.getByRole('button', { name: 'Register', exact: true }).waitFor();
            // The page follows the emulated scheme through color-scheme: light dark.
            const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
            const [r, g, b] = background.match(/\d+/g).map(Number);
            assert.equal(
              r + g + b > 3 * 128,
              colorScheme === 'light',
              `the ${colorScheme} page background (${background})`,
            );
            await screenshot(page, `contact-${name}`, { fullPage: true });

            await nav.getByRole('button', { name: 'Capacity' }).click();
            await manager.waitFor();
            await until(async () => (await rowDomains(manager)).length, 25, 'the first page holds 25 rows');
            await screenshot(page, `manager-${name}`);
            demo.check();
          } finally {
            await demo.close();
          }
        }
      }
    },
  );

  for (const { lang, dir, words, register } of [
    {
      lang: 'de',
      dir: 'ltr',
      words: { card: 'Lead-Registrierung', meter: 'Kapazität', manager: 'Registrierungskapazität des Partners' },
      register: 'Registrieren',
    },
    {
      lang: 'ar',
      dir: 'rtl',
      words: { card: 'تسجيل العميل المحتمل', meter: 'السعة', manager: 'سعة تسجيل الشريك' },
      register: 'تسجيل',
    },
  ]) {
    test(
      `screenshots in ${lang} (${dir}): the contact page and the open manager, 1280 and 375 px wide`,
      {
        timeout: 2 * TEST_MS,
      },
      async () => {
        for (const width of [1280, 375]) {
          const demo = await openDemo({
            query: `?seed=${SEEDED}&contact=${ORDINARY.id}&lang=${lang}`,
            width,
            height: width > 800 ? 900 : 812,
            words,
          });
          try {
            const { page, nav, card, meter, manager } = demo;
            assert.equal(await page.evaluate(() => document.documentElement.dir), dir);
            await until(() => meterValue(meter), SEEDED, 'loaded');
            await card.getByRole('button', { name: register, exact: true }).waitFor();
            await screenshot(page, `contact-${lang}-${width}`, { fullPage: true });
            await nav.getByRole('button', { name: 'Capacity' }).click();
            await manager.waitFor();
            await until(async () => (await rowDomains(manager)).length, 25, 'the first page holds 25 rows');
            await screenshot(page, `manager-${lang}-${width}`);
            demo.check();
          } finally {
            await demo.close();
          }
        }
      },
    );
  }

  test(
    'the Language and Direction settings turn the widget without a reload, and stay in the address',
    {
      timeout: TEST_MS,
    },
    async () => {
      const demo = await openDemo({ query: `?contact=${ORDINARY.id}` });
      try {
        const { page, card } = demo;
        await card.getByRole('button', { name: 'Register', exact: true }).waitFor();
        await page.getByText('Demo settings').click();
        await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
        await page
          .getByRole('group', { name: 'リード登録' })
          .getByRole('button', { name: '登録', exact: true })
          .waitFor();
        assert.equal(new URL(page.url()).searchParams.get('lang'), 'ja');
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
        await page.getByRole('combobox', { name: 'Direction' }).selectOption('rtl');
        await until(() => page.evaluate(() => document.documentElement.dir), 'rtl', 'the page turns right to left');
        assert.equal(new URL(page.url()).searchParams.get('dir'), 'rtl');
        demo.check();
      } finally {
        await demo.close();
      }
    },
  );

  test(
    'the lifecycle in a minute: Renew, today moved past the expiry, Register again',
    { timeout: TEST_MS },
    async () => {
      // Under a 90-day term, Jonas Becker's registration expires in 12 days (demo/backend.ts).
      const demo = await openDemo({ query: '?contact=c-1005&term=90' });
      try {
        const { page, card } = demo;
        await until(async () => (await text(card)).includes('Expires in 12 days.'), true, 'the warning');
        await card.getByRole('button', { name: 'Renew', exact: true }).click();
        // Renewed from its expiry by the term: 102 days away, no warning, and Renew gone (no window yet).
        await until(async () => (await text(card)).includes('Expires in'), false, 'no warning after the renewal');
        assert.equal(await card.getByRole('button', { name: 'Renew', exact: true }).count(), 0);
        await page.getByText('Demo settings').click();
        for (let step = 0; step < 4; step++) {
          const forward = page.getByRole('button', { name: '+30 days' });
          await until(() => forward.isEnabled(), true, 'the settings are applied');
          await forward.click();
        }
        await until(() => new URL(page.url()).searchParams.get('today'), '120', 'today is in the address');
        await card.getByRole('button', { name: 'Register again', exact: true }).waitFor();
        assert.match(
          await text(card),
          /^Lead registration .*Expired The registration of helixrobotics\.de expired on /,
        );
        await card.getByRole('button', { name: 'Register again', exact: true }).click();
        await until(async () => (await text(card)).includes('Expires'), true, 'registered again, with an expiry');
        demo.check();
      } finally {
        await demo.close();
      }
    },
  );

  test('pending review until the vendor approves it', { timeout: TEST_MS }, async () => {
    const demo = await openDemo({ query: `?contact=${ORDINARY.id}&term=90&review=on` });
    try {
      const { page, card } = demo;
      await card.getByRole('button', { name: 'Register', exact: true }).click();
      await until(async () => (await text(card)).includes('Pending review'), true, 'pending review');
      assert.match(await text(card), /Pending the vendor’s review since .*It counts toward your capacity\./);
      await page.getByText('Demo settings').click();
      await page.getByRole('button', { name: 'Approve pending' }).click();
      await until(
        async () => /Lead registration .*Registered Domain/.test(await text(card)),
        true,
        'registered once approved',
      );
      demo.check();
    } finally {
      await demo.close();
    }
  });

  test('the Theme control overrides the system scheme and is kept in the address', { timeout: TEST_MS }, async () => {
    const demo = await openDemo({ query: `?contact=${ORDINARY.id}`, colorScheme: 'light' });
    try {
      const { page } = demo;
      await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
      await until(
        () => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme),
        'dark',
        'the page turns dark',
      );
      assert.equal(new URL(page.url()).searchParams.get('theme'), 'dark');
      await page.reload();
      await page.getByRole('banner').getByRole('meter', { name: 'Capacity' }).waitFor();
      assert.equal(
        await page.getByRole('combobox', { name: 'Theme' }).inputValue(),
        'dark',
        'a reload keeps the theme',
      );
      demo.check();
    } finally {
      await demo.close();
    }
  });
});
