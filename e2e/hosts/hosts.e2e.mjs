// End-to-end test of the host apps (e2e/hosts/react-19, e2e/hosts/vue-3) built on the packed package
// by e2e/hosts/build.mjs (`npm run build:hosts` first). Each app is served with the mock REST API
// (scripts/api-server.mjs) and driven in Chromium as a user would: register the contact, open the
// Capacity Manager from the card's gear, deregister another domain; and as the host relies on: the
// framework's listeners receive the events (the app lists them), its `open` state follows the manager.
// Run with `npm run e2e:hosts`.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/api-server.mjs';
import { CHROMIUM_MISSING, launchChromium } from '../../scripts/chromium.mjs';
import { OTHER_REGISTRATIONS as REGISTRATIONS } from '../../scripts/sample-registrations.mjs';
import { STEP_MS, text, until } from '../helpers.mjs';
import { HOST_APPS, WORK_DIR } from './apps.mjs';

const TEST_MS = 60_000;

/** On the server when each test starts: two other contacts' registrations. */
/** The contact the apps show (their CONTACT), not registered when a test starts. */
const CONTACT = { id: 'c-1', domain: 'northwind-analytics.com' };

let browser;
before(async () => {
  assert.ok(!CHROMIUM_MISSING, CHROMIUM_MISSING);
  browser = await launchChromium(chromium);
});
after(async () => {
  await browser?.close().catch(() => undefined);
});

for (const app of HOST_APPS) {
  describe(`the ${app} host app`, () => {
    const dist = join(WORK_DIR, app, 'dist');
    let server;

    before(async () => {
      const index = join(dist, 'index.html');
      assert.ok(existsSync(index), `${index} does not exist: run \`npm run build:hosts\` first.`);
      server = await startServer({
        pages: { '/': { body: readFileSync(index, 'utf8'), type: 'text/html; charset=utf-8' } },
        api: { baseUrl: '/api', state: { registrations: REGISTRATIONS } },
        directories: { '/assets/': join(dist, 'assets') },
      });
    });
    after(async () => {
      await server?.close();
    });

    test('registers, opens the manager from the gear, deregisters one', { timeout: TEST_MS }, async () => {
      const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'UTC' });
      context.setDefaultTimeout(STEP_MS);
      const page = await context.newPage();
      // Every console error counts: this flow provokes no 4xx answer (which Chromium would log).
      const problems = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
      });
      try {
        await page.goto(`${server.origin}/`);
        const card = page.locator('lead-registration-card');
        const body = card.locator('[part="body"]');
        const meter = page.getByRole('meter', { name: 'Capacity' }).first();
        const events = page.getByRole('list', { name: 'Events' }).getByRole('listitem');
        const eventLog = async () => (await events.allInnerTexts()).map((line) => line.trim());

        // The card reads the contact through the backend the app set as a property of the provider.
        await body.getByText('Not registered').waitFor();
        await until(() => meter.getAttribute('aria-valuenow'), '2', 'the meter shows the two registrations');

        await card.getByRole('button', { name: 'Register', exact: true }).click();
        await body.locator('.state.registered').waitFor();
        assert.equal(server.api.ledger.byContact(CONTACT.id)?.domain, CONTACT.domain);
        await until(() => meter.getAttribute('aria-valuenow'), '3', 'the meter counts the registration');
        await until(eventLog, [`lead-registered ${CONTACT.domain}`], "the framework's listener got lead-registered");

        // The manager of the card's gear menu.
        const manager = page.getByRole('dialog', { name: 'Partner Registration Capacity' });
        await card.getByRole('button', { name: 'Lead registration options' }).click();
        await card.getByRole('menuitem', { name: 'Manage your capacity' }).click();
        await manager.getByRole('row').filter({ hasText: CONTACT.domain }).waitFor();
        await manager.getByRole('checkbox', { name: 'Select contoso.com' }).check();
        await manager.getByRole('button', { name: /^Deregister/ }).click();
        const confirmation = page.getByRole('alertdialog', { name: 'Deregister 1 domain?' });
        await confirmation.getByRole('button', { name: 'Yes, deregister' }).click();
        const announcement = manager.getByRole('status').filter({ hasText: 'deregistered' });
        await until(() => text(announcement), '1 domain deregistered. 2 of 50 used.', 'the manager announces it');
        assert.deepEqual(
          [...server.api.ledger.all()].map((registration) => registration.domain),
          ['fabrikam.com', CONTACT.domain],
        );
        await until(
          eventLog,
          [`lead-registered ${CONTACT.domain}`, 'lead-deregistered 1'],
          "the framework's listener got lead-deregistered (from the card's manager, through the card)",
        );
        await manager.getByRole('button', { name: 'Close' }).click();
        await manager.waitFor({ state: 'hidden' });

        // The page's own manager, opened by the app's state (`open`) and closed by the user: the
        // close event sets the state back, so that the next click opens it again.
        const capacity = page.getByRole('button', { name: 'Capacity', exact: true });
        for (let round = 1; round <= 2; round++) {
          await capacity.click();
          await manager.getByRole('row').filter({ hasText: CONTACT.domain }).waitFor();
          await page.keyboard.press('Escape');
          await manager.waitFor({ state: 'hidden' });
        }
        assert.deepEqual(problems, [], 'no page errors and no console errors');
      } finally {
        await context.close();
      }
    });
  });
}
