// End-to-end test under a strict Content Security Policy (issue 6, item 5): the built, self-contained
// dist/lead-registration-widget.js on a host page served with
//   default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'
// runs the whole flow (register, open the manager, search, select, deregister) with no CSP or
// Trusted Types violation: no `securitypolicyviolation` event, no console error (a contact with no
// registration is a 200 of GET /contact-view, not a 404). Run with `npm run e2e` after
// `npm run build`; the page and its REST API are served by e2e/csp-server.mjs.
/* global document, window */

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CONTACT, CSP, startCspServer } from './csp-server.mjs';
import { CHROMIUM_MISSING, launchChromium } from '../scripts/chromium.mjs';
import { STEP_MS, text, until } from './helpers.mjs';

const TEST_MS = 60_000;
const SEEDED = 12;
const LIMIT = 50;

let server;
let browser;

before(
  async () => {
    assert.ok(!CHROMIUM_MISSING, CHROMIUM_MISSING);
    server = await startCspServer({ seed: SEEDED });
    browser = await launchChromium(chromium);
  },
  { timeout: 60_000 },
);

after(
  async () => {
    await browser?.close().catch(() => undefined);
    await server?.close();
  },
  { timeout: 15_000 },
);

/**
 * A fresh page on the CSP host page, recording every CSP and Trusted Types violation (the event,
 * listened for before any script of the page runs) and every console error and page error.
 */
async function openPage(path = '/') {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(STEP_MS);
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        window.__violations.push(
          `${event.effectiveDirective}: blocked ${event.blockedURI || '(inline)'} in ${event.sourceFile || '(page)'}:${event.lineNumber} “${event.sample}”`,
        );
      },
      true,
    );
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url ?? ''})`);
  });
  const response = await page.goto(`${server.origin}${path}`);
  assert.equal(response.headers()['content-security-policy'], CSP, 'the page is served with the strict policy');
  return {
    page,
    async violations() {
      return page.evaluate(() => window.__violations);
    },
    problems,
    close: () => context.close(),
  };
}

describe('strict CSP and Trusted Types (the built file, e2e/csp-server.mjs)', { timeout: 3 * TEST_MS }, () => {
  test(
    'the detector detects: an inline style and an HTML string assigned to innerHTML are reported',
    { timeout: TEST_MS },
    async () => {
      const tab = await openPage('/empty.html');
      try {
        const blocked = await tab.page.evaluate(() => {
          const probe = document.createElement('div');
          document.body.append(probe);
          probe.setAttribute('style', 'color: red');
          let threw = false;
          try {
            probe.innerHTML = '<b>markup</b>';
          } catch {
            threw = true;
          }
          probe.remove();
          return threw;
        });
        assert.equal(blocked, true, 'Trusted Types refuses an HTML string');
        await until(
          async () => (await tab.violations()).map((violation) => violation.split(':')[0]).sort(),
          ['require-trusted-types-for', 'style-src-attr'],
          'both violations are reported',
        );
      } finally {
        await tab.close();
      }
    },
  );

  test(
    'register, open the manager, search, select, deregister: no violation, no console error',
    { timeout: TEST_MS },
    async () => {
      const tab = await openPage();
      const { page } = tab;
      try {
        const card = page.getByRole('group', { name: 'Lead registration' });
        const meter = page.getByRole('banner').getByRole('meter', { name: 'Capacity' });
        const meterValue = async () => Number(await meter.getAttribute('aria-valuenow'));

        // The card and the meter render.
        await card.getByText('Not registered', { exact: true }).waitFor();
        await until(meterValue, SEEDED, 'the meter shows the seeded count');
        assert.equal(
          await text(page.getByRole('banner').locator('capacity-meter [part=summary]')),
          `${SEEDED} of ${LIMIT}`,
        );
        // The meter's bar is drawn to its width (an inline style would have been refused).
        const fill = await page
          .locator('capacity-meter [part=indicator]')
          .evaluate(
            (element) => element.getBoundingClientRect().width / element.parentElement.getBoundingClientRect().width,
          );
        assert.ok(
          Math.abs(fill - SEEDED / LIMIT) < 0.02,
          `the bar is ${Math.round(fill * 100)} % full, not ${Math.round((SEEDED / LIMIT) * 100)} %`,
        );

        // Register.
        await card.getByRole('button', { name: 'Register', exact: true }).click();
        await card.getByText('Registered', { exact: true }).first().waitFor();
        await until(meterValue, SEEDED + 1, 'the meter counts the registration');
        assert.equal(server.ledger.byContact(CONTACT.id)?.domain, CONTACT.domain);

        // The manager, from the gear menu (its panel is a chunk loaded under the policy too).
        await card.getByRole('button', { name: 'Lead registration options' }).click();
        await page.getByRole('menuitem', { name: 'Manage your capacity' }).click();
        const manager = page.getByRole('dialog', { name: 'Partner Registration Capacity' });
        await manager.waitFor();
        await until(
          async () => (await manager.getByRole('row').getByRole('rowheader').allInnerTexts()).length,
          SEEDED + 1,
          'every domain is listed',
        );

        // Search, select, deregister.
        await manager.getByRole('searchbox', { name: 'Search' }).fill(CONTACT.domain);
        await until(
          () => manager.getByRole('row').getByRole('rowheader').allInnerTexts(),
          [CONTACT.domain],
          'the search finds the domain',
        );
        await manager.getByRole('checkbox', { name: `Select ${CONTACT.domain}` }).check();
        await manager.getByText('1 domain selected').waitFor();
        await manager.getByRole('button', { name: /^Deregister/ }).click();
        const confirmation = page.getByRole('alertdialog', { name: 'Deregister 1 domain?' });
        await confirmation.waitFor();
        await confirmation.getByRole('button', { name: 'Yes, deregister' }).click();
        await confirmation.waitFor({ state: 'hidden' });
        await until(
          () => text(manager.getByRole('status').filter({ hasText: 'deregistered' })),
          `1 domain deregistered. ${SEEDED} of ${LIMIT} used.`,
          'the deregistration is announced',
        );
        await until(meterValue, SEEDED, 'the meter is back to the seeded count');
        assert.equal(server.ledger.byContact(CONTACT.id), undefined);

        // Close; the card offers Register again.
        await manager.getByRole('button', { name: 'Close' }).click();
        await manager.waitFor({ state: 'hidden' });
        await card.getByRole('button', { name: 'Register', exact: true }).waitFor();

        assert.deepEqual(await tab.violations(), [], 'no CSP or Trusted Types violation');
        assert.deepEqual(tab.problems, [], 'no page errors and no console errors');
      } finally {
        await tab.close();
      }
    },
  );
});
