// Server rendering and hydration (issue 12, item 1): the page is rendered in Node by Lit's renderer
// (@lit-labs/ssr) from the sources, each element as declarative shadow DOM showing its loading state; the browser
// loads it with Lit's hydration support first (@lit-labs/ssr-client/lit-element-hydrate-support.js), then the
// widget, as a host's bundle would. The elements take over the server's markup and work: the card loads its contact,
// Register registers, the meter counts it, the manager opens. Needs no build: `node --test e2e/ssr-hydration.e2e.mjs`.
/* global document */

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/api-server.mjs';
import { CHROMIUM_MISSING, launchChromium } from '../scripts/chromium.mjs';
import { OTHER_REGISTRATIONS } from '../scripts/sample-registrations.mjs';
import { importWidgetForServer, ROOT } from '../test/ssr/server-build.mjs';
import { STEP_MS, text, until } from './helpers.mjs';

const TEST_MS = 60_000;
const LIMIT = 50;
const [HELD] = OTHER_REGISTRATIONS;
const CONTACT = { id: 'c-1', website: 'https://www.northwind.example/about', domain: 'northwind.example' };

let server;
let browser;
let clientFolder;

/** The host's page: `body` rendered on the server, then the host's bundle. */
const page = (body) => ({
  type: 'text/html; charset=utf-8',
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Server-rendered host</title></head>
<body>${body}<script type="module" src="/client/hydrate.js"></script><script type="module" src="/client/client.js"></script>
</body></html>`,
});

before(
  async () => {
    assert.ok(!CHROMIUM_MISSING, CHROMIUM_MISSING);
    // The server: the elements rendered by Lit's renderer, in this process.
    const { render } = await import('@lit-labs/ssr');
    const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
    const { html } = await import('lit');
    await importWidgetForServer();
    const markup = (template) => collectResult(render(template));
    const workingPage = await markup(html`
      <capacity-provider api-base="/api">
        <header><capacity-meter compact></capacity-meter></header>
        <lead-registration-card
          contact-id=${CONTACT.id}
          website=${CONTACT.website}
          company="Northwind"
          contact-name="Nina Smith"
          country="SE"
        ></lead-registration-card>
        <capacity-manager></capacity-manager>
      </capacity-provider>
    `);
    // A mistake only the browser can see (the provider's api-base is resolved there): its first render differs.
    const mistakePage = await markup(html`
      <capacity-provider api-base="javascript:alert(1)">
        <lead-registration-card contact-id=${CONTACT.id} website=${CONTACT.website}></lead-registration-card>
      </capacity-provider>
    `);

    // The host's bundle, split into chunks: Lit's hydration support as an entry of its own, whose script runs before
    // the widget's. (Imported first in the same entry, it would run after lit: the chunk that both share runs first.)
    clientFolder = await mkdtemp(join(tmpdir(), 'lrw-ssr-client-'));
    await build({
      entryPoints: {
        hydrate: '@lit-labs/ssr-client/lit-element-hydrate-support.js',
        client: join(ROOT, 'src', 'index.ts'),
      },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      tsconfig: join(ROOT, 'tsconfig.json'),
      outdir: clientFolder,
      logLevel: 'silent',
    });

    server = await startServer({
      pages: {
        '/': page(workingPage),
        '/mistake': page(mistakePage),
        '/favicon.ico': { type: 'image/x-icon', body: '' },
      },
      api: { baseUrl: '/api', state: { registrations: [HELD] } },
      directories: { '/client/': clientFolder },
    });
    browser = await launchChromium(chromium);
  },
  { timeout: 60_000 },
);

after(
  async () => {
    await browser?.close().catch(() => undefined);
    await server?.close();
    if (clientFolder) await rm(clientFolder, { recursive: true, force: true });
  },
  { timeout: 15_000 },
);

/** A fresh tab on `path`, recording console errors and warnings and page errors. */
async function open(path, { javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ javaScriptEnabled, locale: 'en-US', timezoneId: 'UTC' });
  context.setDefaultTimeout(STEP_MS);
  const tab = await context.newPage();
  const problems = [];
  tab.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error}`));
  tab.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  await tab.goto(`${server.origin}${path}`);
  return { tab, problems, close: () => context.close() };
}

/** How many times `selector` matches in the shadow root of each `tag`: once, unless the markup was rendered twice. */
const countInShadow = (tab, tag, selector) =>
  tab.evaluate(
    ([tag, selector]) =>
      [...document.querySelectorAll(tag)].map((el) => el.shadowRoot?.querySelectorAll(selector).length),
    [tag, selector],
  );

describe('server rendering and hydration (@lit-labs/ssr, @lit-labs/ssr-client)', { timeout: 3 * TEST_MS }, () => {
  test('before any script runs, the server markup shows each element loading', { timeout: TEST_MS }, async () => {
    const { tab, close } = await open('/', { javaScriptEnabled: false });
    try {
      const card = tab.getByRole('group', { name: 'Lead registration' });
      assert.equal(await card.locator('.body').getAttribute('aria-busy'), 'true');
      assert.equal(await text(card.locator('.body')), 'Loading the registration…');
      assert.equal(await text(tab.locator('capacity-meter').getByRole('status')), 'Capacity…');
      assert.equal(await tab.locator('capacity-manager dialog').getAttribute('open'), null, 'the manager is closed');
    } finally {
      await close();
    }
  });

  test(
    'hydrated, the elements work: the card loads its contact, Register, the meter, the manager',
    { timeout: TEST_MS },
    async () => {
      const { tab, problems, close } = await open('/');
      try {
        const card = tab.getByRole('group', { name: 'Lead registration' });
        const meter = tab.getByRole('meter', { name: 'Capacity' });
        await card.getByText('Not registered', { exact: true }).waitFor();
        await until(() => meter.getAttribute('aria-valuenow'), '1', 'the meter shows the capacity');
        // Taken over, not rendered a second time beside the server's markup.
        assert.deepEqual(await countInShadow(tab, 'lead-registration-card', '.card'), [1]);
        assert.deepEqual(await countInShadow(tab, 'capacity-meter', '.meter'), [1]);

        await card.getByRole('button', { name: 'Register', exact: true }).click();
        await card.getByText('Registered', { exact: true }).first().waitFor();
        await until(() => meter.getAttribute('aria-valuenow'), '2', 'the meter counts the registration');
        assert.equal(server.api.ledger.byContact(CONTACT.id)?.domain, CONTACT.domain);
        assert.equal(await card.locator('.body').getAttribute('aria-busy'), 'false');

        await tab.evaluate(() => document.querySelector('capacity-manager').show());
        const manager = tab.getByRole('dialog', { name: 'Partner Registration Capacity' });
        await until(
          () => manager.getByRole('row').getByRole('rowheader').allInnerTexts(),
          [HELD.domain, CONTACT.domain],
          'the manager lists both domains',
        );
        assert.equal(await text(manager.locator('capacity-meter [part=summary]')), `2 of ${LIMIT} domains used`);
        assert.deepEqual(problems, [], 'no console error or warning, no page error');
      } finally {
        await close();
      }
    },
  );

  test('a mistake only the browser sees: the element renders afresh and says it', { timeout: TEST_MS }, async () => {
    const { tab, problems, close } = await open('/mistake');
    try {
      const card = tab.getByRole('group', { name: 'Lead registration' });
      await card.getByText('Not available', { exact: true }).waitFor();
      assert.match(await text(card), /The <capacity-provider> around this element cannot be used/);
      assert.deepEqual(await countInShadow(tab, 'lead-registration-card', '.card'), [1]);
      assert.equal(problems.length, 1, `one console error, the provider's: ${JSON.stringify(problems)}`);
      assert.match(problems[0], /^error: <capacity-provider>: The api-base “javascript:alert\(1\)” must be an http/);
    } finally {
      await close();
    }
  });
});
