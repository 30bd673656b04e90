// What a server that renders the page with Lit's renderer (@lit-labs/ssr) gets from each element, shared by the two
// Node test files of this folder: one with Node as it is (`document` undefined, as under React's renderToString),
// one with Lit's global DOM shim installed first (a minimal `document` and `window`). Contract: docs/contract.md,
// "Server rendering".

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importWidgetForServer } from './server-build.mjs';

/** The markup between `<tag …><template shadowrootmode="open">` and its `</template>`, styles and markers left out. */
function shadowOf(markup, tag) {
  const open = new RegExp(`<${tag}\\b[^>]*><template shadowroot="open" shadowrootmode="open">`).exec(markup);
  assert.ok(open, `<${tag}> has a declarative shadow root in ${markup.slice(0, 300)}…`);
  const start = open.index + open[0].length;
  const end = markup.indexOf('</template>', start);
  return (
    markup
      .slice(start, end)
      .replace(/<style>[\s\S]*?<\/style>/g, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/\s+/g, ' ')
      // The space an attribute left out (`lang=${nothing}`) leaves before `>`.
      .replace(/ >/g, '>')
      .trim()
  );
}

/** The text a person would read in `shadow` (markup from shadowOf). */
const textOf = (shadow) =>
  shadow
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function serverRenderingTests() {
  let widget;
  let renderToString;
  let html;
  const logged = [];
  const fetched = [];
  const original = { error: console.error, warn: console.warn, fetch: globalThis.fetch };

  before(async () => {
    // Anything the elements log or fetch on the server is a failure; the spies are in place before they load.
    for (const level of ['error', 'warn']) console[level] = (...args) => logged.push(`${level}: ${args.join(' ')}`);
    globalThis.fetch = (input) => {
      fetched.push(String(input));
      return Promise.reject(new TypeError('no request may be made while rendering on the server'));
    };
    const { render } = await import('@lit-labs/ssr');
    const { collectResult } = await import('@lit-labs/ssr/lib/render-result.js');
    ({ html } = await import('lit'));
    renderToString = (template) => collectResult(render(template));
    widget = await importWidgetForServer();
  });

  after(() => {
    Object.assign(console, { error: original.error, warn: original.warn });
    globalThis.fetch = original.fetch;
    assert.deepEqual(logged, [], 'nothing was logged on the server');
    assert.deepEqual(fetched, [], 'no request was made on the server');
  });

  describe('every element renders its loading state', () => {
    test('<lead-registration-card>: the header, placeholders, "Loading the registration…", busy', async () => {
      for (const template of [
        html`<lead-registration-card
          contact-id="c-1"
          website="https://www.acme.com"
          company="Acme"
          contact-name="Ada Lovelace"
          country="GB"
          api-base="https://crm.example/api"
        ></lead-registration-card>`,
        html`<lead-registration-card contact-id="c-1" website="acme.com" api-base="/api"></lead-registration-card>`,
        html`<lead-registration-card
          contact-id="c-1"
          .backend=${new widget.RestBackend({ baseUrl: '/api' })}
        ></lead-registration-card>`,
        // No backend configured: in a browser the page's embedded store, never opened on a server.
        html`<lead-registration-card contact-id="c-1"></lead-registration-card>`,
      ]) {
        const shadow = shadowOf(await renderToString(template), 'lead-registration-card');
        assert.match(shadow, /<div class="skeleton" aria-hidden="true">/);
        assert.match(shadow, /part="body" aria-busy="true"/);
        assert.equal(textOf(shadow), 'Lead registration Manage your capacity Loading the registration…');
      }
    });

    test('<capacity-meter>: "Loading your capacity…" as a status, "Capacity…" when compact', async () => {
      const full = shadowOf(
        await renderToString(html`<capacity-meter api-base="/api"></capacity-meter>`),
        'capacity-meter',
      );
      assert.equal(full, '<div class="meter loading" role="status">Loading your capacity…</div>');
      const compact = shadowOf(await renderToString(html`<capacity-meter compact></capacity-meter>`), 'capacity-meter');
      assert.equal(compact, '<div class="meter loading" role="status">Capacity…</div>');
    });

    test('<capacity-manager>: its stand-in dialog, closed (also with open: it opens in the browser)', async () => {
      for (const template of [
        html`<capacity-manager api-base="/api"></capacity-manager>`,
        html`<capacity-manager open></capacity-manager>`,
      ]) {
        const shadow = shadowOf(await renderToString(template), 'capacity-manager');
        assert.match(shadow, /^<dialog class="pending" aria-labelledby="pending-title">/);
        assert.equal(textOf(shadow), 'Partner Registration Capacity Loading the Capacity Manager… Close');
      }
    });

    test('<capacity-provider> around all three: a slot, and each element inside as on its own', async () => {
      const markup = await renderToString(html`
        <capacity-provider api-base="/api">
          <capacity-meter compact></capacity-meter>
          <lead-registration-card contact-id="c-1" website="acme.com"></lead-registration-card>
          <capacity-manager></capacity-manager>
        </capacity-provider>
      `);
      assert.equal(shadowOf(markup, 'capacity-provider'), '<slot></slot>');
      assert.equal(shadowOf(markup, 'capacity-meter'), '<div class="meter loading" role="status">Capacity…</div>');
      assert.match(textOf(shadowOf(markup, 'lead-registration-card')), /Loading the registration…$/);
      assert.match(textOf(shadowOf(markup, 'capacity-manager')), /Loading the Capacity Manager…/);
    });

    test('with a renderer that calls connectedCallback on the server: the same, and nothing started', async () => {
      const { LitElementRenderer } = await import('@lit-labs/ssr/lib/lit-element-renderer.js');
      const callConnected = () => ({ connectedCallback: true });
      LitElementRenderer.renderOptions.push(callConnected);
      try {
        const markup = await renderToString(html`
          <capacity-provider api-base="/api">
            <capacity-meter></capacity-meter>
            <lead-registration-card contact-id="c-1" website="acme.com"></lead-registration-card>
            <capacity-manager open></capacity-manager>
          </capacity-provider>
        `);
        assert.equal(
          shadowOf(markup, 'capacity-meter'),
          '<div class="meter loading" role="status">Loading your capacity…</div>',
        );
        assert.match(textOf(shadowOf(markup, 'lead-registration-card')), /Loading the registration…$/);
        assert.match(textOf(shadowOf(markup, 'capacity-manager')), /Loading the Capacity Manager…/);
      } finally {
        LitElementRenderer.renderOptions.splice(LitElementRenderer.renderOptions.indexOf(callConnected), 1);
      }
    });

    test('a card without contact-id says so on the server as in the browser (the same markup to hydrate)', async () => {
      const shadow = shadowOf(
        await renderToString(html`<lead-registration-card></lead-registration-card>`),
        'lead-registration-card',
      );
      assert.match(textOf(shadow), /Not available This card has no contact to show/);
    });
  });

  describe('backends construct on a server', () => {
    test('RestBackend with an absolute URL: resolved at once', () => {
      const backend = new widget.RestBackend({ baseUrl: 'https://crm.example/partner-api?x=1' });
      assert.equal(backend.baseUrl, 'https://crm.example/partner-api/');
    });

    test('RestBackend with a relative URL: constructs; a call rejects there, with nothing sent', async () => {
      const backend = new widget.RestBackend({ baseUrl: '/crm/partner-api' });
      await assert.rejects(
        backend.getCapacity(),
        (error) => widget.CapacityError.is(error) && error.code === 'network',
      );
      assert.deepEqual(fetched.splice(0), []);
    });

    test('LocalBackend: constructs, and opens no channel to other tabs until it is used', async () => {
      const before = process.getActiveResourcesInfo().sort();
      const backend = new widget.LocalBackend();
      try {
        await new Promise((resolve) => setImmediate(resolve));
        assert.deepEqual(process.getActiveResourcesInfo().sort(), before);
      } finally {
        backend.dispose(); // an open channel would keep the process alive
      }
    });
  });
}
