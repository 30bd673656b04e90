import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { api, startMockApi, worker } from '../../mocks/browser.js';
import { RestBackend } from '../../src/backends/rest-backend.js';
import { checkWebsite, websiteProblemText } from '../../src/core/domain.js';
import type { CapacityBackend, Registration } from '../../src/core/types.js';
import '../../src/define.js';
import type { CapacityManagerElement } from '../../src/elements/capacity-manager/capacity-manager.js';
import type { CapacityMeterElement } from '../../src/elements/capacity-meter/capacity-meter.js';
import type { LeadRegistrationCardElement } from '../../src/elements/lead-registration-card/lead-registration-card.js';
import { FORBIDDEN_TAGS, HOSTILE_PAYLOADS, type HostilePayload } from '../fixtures/hostile-strings.js';
import { disposeTestBackends, testBackend } from '../helpers/backends.js';
import { $, $$, confirmationOf, panelReady, rows, settled } from '../helpers/capacity-manager.js';
import { stateOf } from '../helpers/card.js';
import {
  deepElements,
  deepShadowRoots,
  deepText,
  hasOnlyOwnStyles,
  overflowing,
  readable,
  unisolated,
} from '../helpers/dom.js';
import { UncaughtErrors } from '../helpers/uncaught.js';
import { NOT_EXPIRING } from '../helpers/registrations.js';

type Card = LeadRegistrationCardElement;

/*
 * Every payload of the corpus in every text field, from both backends, through every element that
 * shows it: the card (not registered, registered, registered through another contact), the meter and
 * the Capacity Manager (its list and the confirmation that lists the domains). Each test renders all
 * payloads at once, so that the file stays fast.
 *
 * - From the host: the card's `website`, `company`, `contact-name` and `country` attributes.
 * - From the backend: registrations whose `company`, `contactName` and `country` are the payload
 *   (contact `fields-NN`, domain `fields-NN.example`), and registrations whose `domain` is the payload
 *   (contact `domain-NN`): a compromised or buggy server is as hostile as a host.
 */

const PAYLOADS = HOSTILE_PAYLOADS;
const nn = (index: number): string => String(index + 1).padStart(2, '0');

function hostileRegistrations(): Registration[] {
  return PAYLOADS.flatMap(({ value }, index) => [
    {
      id: `fields-${nn(index)}`,
      domain: `fields-${nn(index)}.example`,
      contactId: `fields-${nn(index)}`,
      contactName: value,
      company: value,
      country: value,
      registeredAt: new Date(Date.UTC(2025, 0, 1 + index)).toISOString(),
      ...NOT_EXPIRING,
    },
    {
      id: `domain-${nn(index)}`,
      domain: value,
      contactId: `domain-${nn(index)}`,
      contactName: `Contact ${nn(index)}`,
      company: `Company ${nn(index)}`,
      country: 'Germany',
      registeredAt: new Date(Date.UTC(2025, 1, 1 + index)).toISOString(),
      ...NOT_EXPIRING,
    },
  ]);
}

/** The text a payload shows as: the widget trims what the host hands it, never changes anything else. */
const shownAs = (payload: HostilePayload): string => payload.value.trim();

// --- What must never happen ------------------------------------------------------------------------

const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcdoc',
  'action',
  'formaction',
  'xlink:href',
  'background',
  'poster',
  'data',
]);

/**
 * Fails if any shadow root under `root` holds something a payload would have created: a tag of
 * markup, an inline event handler, a non-http(s) URL, a style element (the elements' styles are
 * adopted sheets, nothing else), an SVG that is not one of the widget's own decorative icons.
 */
function expectNothingInjected(root: Element, where: string): void {
  const problems: string[] = [];
  for (const element of deepElements(root)) {
    const tag = element.localName;
    if ((FORBIDDEN_TAGS as readonly string[]).includes(tag)) problems.push(`a <${tag}> element`);
    if (tag === 'svg' && element.getAttribute('aria-hidden') !== 'true')
      problems.push('an <svg> that is not a decorative icon');
    for (const { name, value } of element.attributes) {
      if (name.startsWith('on')) problems.push(`an ${name} attribute on <${tag}>`);
      if (name === 'autofocus') problems.push(`autofocus on <${tag}>`);
      if (URL_ATTRIBUTES.has(name) && !/^https?:/i.test(value.trim()))
        problems.push(`${name}="${value.slice(0, 40)}" on <${tag}>`);
      if (name === 'style' && /url\(|expression|javascript:|@import/i.test(value))
        problems.push(`style="${value.slice(0, 60)}" on <${tag}>`);
    }
    if (!hasOnlyOwnStyles(element)) problems.push(`<${tag}> adopted style sheets other than its own`);
  }
  for (const shadow of deepShadowRoots(root)) {
    if (shadow.querySelector('style')) problems.push(`a <style> in the shadow root of <${shadow.host.localName}>`);
    const comments = document.createTreeWalker(shadow, NodeFilter.SHOW_COMMENT);
    while (comments.nextNode()) {
      if (/__pwned|<|>/.test((comments.currentNode as Comment).data)) problems.push('a comment made of a payload');
    }
  }
  expect(problems, `${where}: ${[...new Set(problems)].join('; ')}`).to.be.empty;
}

/**
 * Checks that no payload ran script. Markup made of a payload runs at once (a script) or when an event comes: an
 * image's error (most payloads are `<img src=x onerror=…>`), a details element's toggle, a frame's load. Canaries
 * of those kinds, made now with handlers of the test's own, are awaited first: the same events for elements made
 * earlier, when the widget rendered, have had their turn by then.
 */
async function expectNothingRan(): Promise<void> {
  const fired = (target: EventTarget, type: string): Promise<unknown> =>
    new Promise((resolve) => target.addEventListener(type, resolve, { once: true }));
  const image = new Image();
  const details = document.createElement('details');
  const frame = document.createElement('iframe');
  const canaries = [fired(image, 'error'), fired(details, 'toggle'), fired(frame, 'load')];
  image.src = 'x'; // the payloads' own URL
  frame.srcdoc = '<p>canary</p>';
  const sink = document.createElement('div');
  sink.append(image, details, frame);
  document.body.append(sink);
  details.open = true;
  try {
    await Promise.all(canaries);
  } finally {
    sink.remove();
  }
  expect(window.__pwned, 'a payload ran script').to.be.undefined;
}

/** Fails if anything under `root` sticks out of `container` sideways, or the page got a horizontal scroll bar. */
function expectLayoutHolds(root: Element, container: Element, where: string): void {
  const bounds = container.getBoundingClientRect();
  const out = overflowing(root, bounds);
  expect(out, `${where}: sticks out of its ${Math.round(bounds.width)} px box: ${out.slice(0, 5).join('; ')}`).to.be
    .empty;
  expect(document.documentElement.scrollWidth, `${where}: the page scrolls sideways`).to.be.at.most(window.innerWidth);
}

/** The tallest a card may grow in a narrow column, whatever it shows: long values are cut to a few lines. */
const CARD_MAX_HEIGHT_REM = 40;

function expectCardHolds(card: Card, column: Element, payload: HostilePayload, where: string): void {
  expectLayoutHolds(card, column, where);
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  expect(card.getBoundingClientRect().height / rem, `${where}: the card's height in rem`).to.be.at.most(
    CARD_MAX_HEIGHT_REM,
  );
  const mixed = unisolated(card, shownAs(payload));
  expect(mixed, `${where}: text not isolated from its neighbours (bidi)`).to.be.empty;
}

// --- Uncaught errors --------------------------------------------------------------------------------

const uncaught = new UncaughtErrors();

beforeEach(() => {
  delete window.__pwned;
  uncaught.watch();
});

afterEach(async () => {
  uncaught.stop();
  worker.resetHandlers();
  await disposeTestBackends();
  expect(uncaught.errors, 'uncaught errors').to.deep.equal([]);
});

// --- The corpus itself -------------------------------------------------------------------------------

describe('the hostile-string corpus', () => {
  it('has at least 25 distinct, labelled payloads covering every kind of attack', () => {
    expect(PAYLOADS.length).to.be.at.least(25);
    expect(new Set(PAYLOADS.map((payload) => payload.label)).size).to.equal(PAYLOADS.length);
    expect(new Set(PAYLOADS.map((payload) => payload.value)).size).to.equal(PAYLOADS.length);
    expect(new Set(PAYLOADS.map((payload) => payload.kind))).to.have.keys(
      'markup',
      'attribute',
      'url',
      'css',
      'template',
      'unicode',
      'length',
      'text',
    );
    const longest = Math.max(...PAYLOADS.map((payload) => payload.value.length));
    expect(longest).to.be.at.least(10_000);
  });

  it('is live: parsed as markup, a payload does run and does create elements (so the checks below can fail)', async () => {
    const img = PAYLOADS.find((payload) => payload.label === 'img onerror')!;
    const sink = document.createElement('div');
    document.body.append(sink);
    try {
      // The very sink the widget never uses (lint forbids it in src/), to prove that the detector detects.
      sink.innerHTML = img.value;
      expect(() => expectNothingInjected(sink, 'sink')).to.throw(/<img> element/);
      await waitUntil(() => window.__pwned === 'img', 'the img payload did not run when parsed as markup');
    } finally {
      sink.remove();
      delete window.__pwned;
    }
  });
});

// --- Every element, both backends ----------------------------------------------------------------

const BACKENDS: { name: string; make: (registrations: Registration[]) => Promise<CapacityBackend> }[] = [
  {
    name: 'LocalBackend',
    make: (registrations) => testBackend(registrations, { tier: 'diamond' }),
  },
  {
    name: 'RestBackend over MSW',
    make: async (registrations) => {
      await startMockApi({ state: { tier: 'diamond', registrations } });
      return new RestBackend({ baseUrl: api.baseUrl });
    },
  },
];

/** A narrow column, as a CRM's side panel is. */
const COLUMN = 'width: 22rem';

async function allShow(cards: Card[], state: string): Promise<void> {
  await waitUntil(
    () => cards.every((card) => stateOf(card) === state),
    `not every card shows “${state}”: ${[...new Set(cards.map(stateOf))].join(', ')}`,
    { timeout: 5000 },
  );
  await Promise.all(cards.map((card) => card.updateComplete));
}

for (const { name, make } of BACKENDS) {
  describe(`hostile data through ${name}`, function () {
    this.timeout(20_000);
    let backend: CapacityBackend;

    beforeEach(async () => {
      backend = await make(hostileRegistrations());
    });

    it('the card, not registered: the host’s website, company, contact name and country are text', async () => {
      const column = await fixture<HTMLElement>(html`
        <div style=${COLUMN}>
          ${PAYLOADS.map(
            ({ value }, index) => html`
              <lead-registration-card
                .backend=${backend}
                contact-id=${`visitor-${nn(index)}`}
                website=${value}
                company=${value}
                contact-name=${value}
                country=${value}
              ></lead-registration-card>
            `,
          )}
        </div>
      `);
      const cards = [...column.querySelectorAll('lead-registration-card')];
      await allShow(cards, 'Not registered');

      PAYLOADS.forEach((payload, index) => {
        const card = cards[index];
        const where = `card with ${payload.label}`;
        const body = card.shadowRoot!.querySelector('.body')!;
        const about = body.querySelector('.about')?.textContent ?? '';
        // Company, contact name and country each appear, verbatim, as text.
        expect(about.split(shownAs(payload)).length - 1, `${where}: the about line`).to.equal(3);
        const check = checkWebsite(payload.value);
        if (check.ok) {
          expect(body.querySelector('.domain')?.textContent, where).to.equal(check.domain);
        } else {
          // Normalisation rejects the website: it is shown as text, with the reason in words.
          expect(body.querySelector('.website')?.textContent, `${where}: the website`).to.equal(shownAs(payload));
          expect(readable(body.querySelector('.reason')?.textContent), `${where}: the reason`).to.equal(
            readable(websiteProblemText(check.problem)),
          );
          expect(card.shadowRoot!.querySelector('#register')!.getAttribute('aria-disabled'), where).to.equal('true');
        }
        expectNothingInjected(card, where);
        expectCardHolds(card, column, payload, where);
      });
      // Hovering and focusing everything would fire any handler a payload had managed to attach.
      for (const element of deepElements(column)) {
        element.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        element.dispatchEvent(new FocusEvent('focus'));
      }
      await expectNothingRan();
    });

    it('the card, registered: a domain from the backend is text', async () => {
      const column = await fixture<HTMLElement>(html`
        <div style=${COLUMN}>
          ${PAYLOADS.map(
            ({ value }, index) => html`
              <lead-registration-card
                .backend=${backend}
                contact-id=${`domain-${nn(index)}`}
                website=${value}
              ></lead-registration-card>
            `,
          )}
        </div>
      `);
      const cards = [...column.querySelectorAll('lead-registration-card')];
      await allShow(cards, 'Registered');

      PAYLOADS.forEach((payload, index) => {
        const card = cards[index];
        const where = `registered card with ${payload.label}`;
        const domains = [...card.shadowRoot!.querySelectorAll('.domain')].map((element) => element.textContent);
        // The registered domain verbatim; when the website reads as another domain, that one too.
        expect(domains[0], where).to.equal(payload.value);
        expect(deepText(card), where).to.contain(payload.value);
        expectNothingInjected(card, where);
        expectCardHolds(card, column, payload, where);
      });
      await expectNothingRan();
    });

    it('the card, registered through another contact: the holder’s name and company from the backend are text', async () => {
      const column = await fixture<HTMLElement>(html`
        <div style=${COLUMN}>
          ${PAYLOADS.map(
            (_, index) => html`
              <lead-registration-card
                .backend=${backend}
                contact-id=${`second-${nn(index)}`}
                website=${`https://www.fields-${nn(index)}.example/about`}
              ></lead-registration-card>
            `,
          )}
        </div>
      `);
      const cards = [...column.querySelectorAll('lead-registration-card')];
      // Each card looks its domain up as it loads, and names the contact through whom it is registered.
      await allShow(cards, 'Registered through another contact');

      PAYLOADS.forEach((payload, index) => {
        const card = cards[index];
        const where = `card held through a contact with ${payload.label}`;
        const facts = Object.fromEntries(
          [...card.shadowRoot!.querySelectorAll('dt')].map((term) => [
            term.textContent,
            term.nextElementSibling?.textContent,
          ]),
        );
        expect(facts.Contact, `${where}: the contact`).to.equal(payload.value);
        expect(facts.Company, `${where}: the company`).to.equal(payload.value);
        expectNothingInjected(card, where);
        expectCardHolds(card, column, payload, where);
      });
      await expectNothingRan();
    });

    it('a website is shown as text, never as a link: no href in any state of the card', async () => {
      const urls = PAYLOADS.filter((payload) => payload.kind === 'url').map((payload) => payload.value);
      const column = await fixture<HTMLElement>(html`
        <div style=${COLUMN}>
          ${urls.map((website, index) => html`<lead-registration-card .backend=${backend} contact-id=${`url-${nn(index)}`} website=${website}></lead-registration-card>`)}
          <lead-registration-card
            .backend=${backend}
            contact-id="fields-01"
            website="https://acme.example/"
          ></lead-registration-card>
          <lead-registration-card
            .backend=${backend}
            contact-id="url-valid"
            website="https://acme.example/"
          ></lead-registration-card>
        </div>
      `);
      const cards = [...column.querySelectorAll('lead-registration-card')];
      await waitUntil(() =>
        cards.every((card) => card.shadowRoot!.querySelector('.state') && !card.shadowRoot!.querySelector('.skeleton')),
      );
      expect(cards.map(stateOf)).to.include.members(['Not registered', 'Registered']);
      const linked = [...deepElements(column)].filter(
        (element) => element.hasAttribute('href') || element.localName === 'a',
      );
      expect(linked.map((element) => element.outerHTML.slice(0, 80))).to.deep.equal([]);
      for (const [index, website] of urls.entries()) {
        expect(cards[index].shadowRoot!.querySelector('.website')?.textContent, website).to.equal(website.trim());
      }
    });

    it('the meter', async () => {
      const meter = await fixture<CapacityMeterElement>(html`<capacity-meter .backend=${backend}></capacity-meter>`);
      await waitUntil(() => meter.shadowRoot!.querySelector('[role="meter"]'), 'the meter did not load');
      expect(readable(meter.shadowRoot!.textContent)).to.contain(`${PAYLOADS.length * 2} of 1,000 domains used`);
      expectNothingInjected(meter, 'meter');
      expectLayoutHolds(meter, meter.parentElement!, 'meter');
      await expectNothingRan();
    });

    it('the Capacity Manager: every field of every row, and the confirmation listing every domain, are text', async () => {
      const manager = await fixture<CapacityManagerElement>(
        html`<capacity-manager .backend=${backend}></capacity-manager>`,
      );
      manager.show();
      const panel = await panelReady(manager);
      await settled(panel);
      const pageSize = $<HTMLSelectElement>(panel, '.page-size select');
      pageSize.value = '100';
      pageSize.dispatchEvent(new Event('change'));
      await waitUntil(() => rows(panel).length === PAYLOADS.length * 2, 'not every registration is listed');
      await settled(panel);

      const dialog = manager.shadowRoot!.querySelector('dialog')!;
      const viewport = document.documentElement;
      const cells = (row: HTMLTableRowElement): (string | null)[] =>
        [...row.querySelectorAll('th, td')].slice(1, 5).map((cell) => cell.textContent);
      const byId = new Map(rows(panel).map((row) => [row.querySelector('input')!.getAttribute('aria-label')!, row]));
      PAYLOADS.forEach((payload, index) => {
        const where = `manager row with ${payload.label}`;
        const fieldsRow = byId.get(`Select fields-${nn(index)}.example`);
        const domainRow = byId.get(`Select ${payload.value}`);
        expect(fieldsRow, `${where}: the row of its company, contact and country`).to.exist;
        expect(domainRow, `${where}: the row of its domain, with the checkbox named after it`).to.exist;
        expect(cells(fieldsRow!), where).to.deep.equal([
          `fields-${nn(index)}.example`,
          payload.value,
          payload.value,
          payload.value,
        ]);
        expect(cells(domainRow!)[0], where).to.equal(payload.value);
      });
      // A long value is cut off with an ellipsis in its cell (its full text in the tooltip), never widening the table.
      for (const cell of $$(panel, 'tbody .truncate')) {
        expect(cell.getAttribute('title'), 'the full value is the tooltip').to.equal(cell.textContent);
        if (cell.textContent.length >= 10_000)
          expect(cell.scrollWidth, 'a 10,000-character value is truncated').to.be.greaterThan(cell.clientWidth);
      }
      const table = $(panel, 'table');
      const scroller = $(panel, '.scroller');
      const tableMinWidth = parseFloat(getComputedStyle(table).minWidth);
      expect(table.getBoundingClientRect().width, 'the table keeps its own width').to.be.at.most(
        Math.max(scroller.clientWidth, tableMinWidth) + 1,
      );
      expectNothingInjected(manager, 'manager');
      expectLayoutHolds(dialog, viewport, 'manager dialog');
      expectLayoutHolds(manager, dialog, 'manager');

      // Select every row, and ask to deregister: the confirmation lists every domain, as text.
      const all = $<HTMLInputElement>(panel, 'thead input[type="checkbox"]');
      all.click();
      await panel.updateComplete;
      $<HTMLButtonElement>(panel, '#deregister').click();
      const confirmation = confirmationOf(panel);
      await waitUntil(() => confirmation.open, 'the confirmation did not open');
      const listed = [...confirmation.querySelectorAll('li')].map((item) => item.textContent);
      expect(listed).to.have.members(hostileRegistrations().map((registration) => registration.domain));
      const list = confirmation.querySelector('ul')!;
      expect(list.scrollWidth, 'the domain list does not scroll sideways').to.be.at.most(list.clientWidth);
      expectNothingInjected(manager, 'confirmation');
      expectLayoutHolds(confirmation, viewport, 'confirmation');
      confirmation.querySelector<HTMLButtonElement>('#cancel')!.click();
      await waitUntil(() => !confirmation.open, 'the confirmation did not close');

      // What the partner types in the search field comes back in the "no match" message: as text.
      const search = $<HTMLInputElement>(panel, '#search');
      const typed = `<img src=y onerror="window.__pwned='search'">\u202E`;
      search.value = typed;
      search.dispatchEvent(new InputEvent('input'));
      search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      await waitUntil(() => panel.shadowRoot!.querySelector('tr.message'), 'the search did not come back empty');
      expect(panel.shadowRoot!.querySelector('tr.message p')!.textContent).to.equal(
        `No registered domains match “${typed.trim()}”.`,
      );
      expect(unisolated(manager, typed.trim()), 'the search text is bidi-isolated in its sentence').to.deep.equal([]);
      expectNothingInjected(manager, 'search message');
      await expectNothingRan();
    });
  });
}
