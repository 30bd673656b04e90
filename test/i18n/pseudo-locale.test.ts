import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { startMockApi, worker } from '../../mocks/browser.js';
import { CapacityError } from '../../src/core/errors.js';
import type { CapacityBackend, ContactView } from '../../src/core/types.js';
import '../../src/define.js';
import type { CapacityManagerElement } from '../../src/elements/capacity-manager/capacity-manager.js';
import type { CapacityManagerPanelElement } from '../../src/elements/capacity-manager/capacity-manager-panel.js';
import type { CapacityMeterElement } from '../../src/elements/capacity-meter/capacity-meter.js';
import type { LeadRegistrationCardElement } from '../../src/elements/lead-registration-card/lead-registration-card.js';
import { setMessages } from '../../src/i18n/localizer.js';
import { messageShape } from '../../src/i18n/message-shape.js';
import { ControlledBackend, disposeTestBackends, testBackend } from '../helpers/backends.js';
import { ENGLISH, MESSAGE_IDS } from '../helpers/catalogs.js';
import { $, $$, confirmationOf, panelOf, panelReady, settled, statusText } from '../helpers/capacity-manager.js';
import { deepElements, deepShadowRoots, overflowing, q } from '../helpers/dom.js';
import { PSEUDO_LOCALE, pseudoMessages } from '../helpers/pseudo-locale.js';
import { capacity, makeRegistrations, registration } from '../helpers/registrations.js';

type Card = LeadRegistrationCardElement;

// Issue 14: every state of every element in a pseudo-locale (accented, some 40 % longer, bracketed):
// no text that did not come through the catalog, and nothing sticking out at 320 px.

const DATA = [
  'northwind.example',
  'Northwind Analytics',
  'Ada Lovelace',
  'UK',
  'localhost',
  'ftp://example.com/api',
  'Example Inc.',
  'Pat Example',
  'Germany',
  ...makeRegistrations(40).flatMap((row) => [row.domain, row.company, row.contactName, row.country]),
].sort((a, b) => b.length - a.length);

/**
 * What an element says that did not come through the catalog: text and names (aria-label, title,
 * placeholder) in its shadow roots with ASCII letters left once the partner's data, dates and numbers
 * are taken out. Pseudo-locale text has none: every letter is accented.
 */
function untranslated(root: Element): string[] {
  const found: string[] = [];
  const check = (text: string | null | undefined, where: string): void => {
    let rest = text ?? '';
    for (const data of DATA) rest = rest.split(data).join('');
    if (/[A-Za-z]/.test(rest)) found.push(`${where}: “${rest.replace(/\s+/g, ' ').trim()}”`);
  };
  for (const shadow of deepShadowRoots(root)) {
    const walker = document.createTreeWalker(shadow, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      // The partner's data and Intl's dates are not messages.
      if (node.parentElement?.closest('bdi, time, .truncate, .domains, style')) continue;
      check(node.data, `text in <${node.parentElement?.localName}>`);
    }
    for (const element of shadow.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const name of ['aria-label', 'title', 'placeholder']) {
        if (element.hasAttribute(name) && !element.matches('.truncate, .domains li, dd, .about, .website')) {
          check(element.getAttribute(name), `${name} of <${element.localName}>`);
        }
      }
    }
  }
  return found;
}

const VIEWPORT = { left: 0, right: 320 };

/**
 * The elements whose words are cut off: they clip their overflow and it is wider than they are. The
 * partner's data may be cut (a few lines, an ellipsis, the rest in a tooltip); a message may not.
 */
function clipped(root: Element): string[] {
  const found: string[] = [];
  for (const element of deepElements(root)) {
    if (element.matches('.scroller') || element.closest('.truncate, .domain, .website, .about, dd, .visually-hidden')) {
      continue;
    }
    const style = getComputedStyle(element);
    if (style.overflowX !== 'visible' && element.scrollWidth > element.clientWidth + 1 && element.textContent?.trim()) {
      found.push(`<${element.localName} class="${element.getAttribute('class') ?? ''}">`);
    }
  }
  return found;
}

/** Says nothing outside the catalog and fits in 320 px. */
async function expectLocalized(root: Element, state: string): Promise<void> {
  await (root as Partial<Card>).updateComplete;
  expect(untranslated(root), `${state}: text not from the catalog`).to.deep.equal([]);
  expect(overflowing(root, VIEWPORT), `${state}: sticks out at 320 px`).to.deep.equal([]);
  expect(clipped(root), `${state}: words cut off at 320 px`).to.deep.equal([]);
  expect(document.documentElement.scrollWidth, `${state}: the page scrolls sideways`).to.be.at.most(320);
}

const html_ = document.documentElement;
const langBefore = html_.getAttribute('lang');

before(async () => {
  await startMockApi();
  setMessages(PSEUDO_LOCALE, pseudoMessages());
  html_.setAttribute('lang', PSEUDO_LOCALE);
  await setViewport({ width: 320, height: 640 });
});

after(() => {
  if (langBefore === null) html_.removeAttribute('lang');
  else html_.setAttribute('lang', langBefore);
});

afterEach(async () => {
  worker.resetHandlers();
  await disposeTestBackends();
});

it('the pseudo-locale keeps every message’s values and plurals', () => {
  const pseudo = pseudoMessages();
  for (const id of MESSAGE_IDS) {
    expect(messageShape(pseudo[id]), id).to.deep.equal(messageShape(ENGLISH[id]));
  }
});

describe('the chunks that could not be loaded', () => {
  // First in this file: once a chunk has loaded, it stays in the page (see capacity-manager-load-failure.test.ts).
  const fail = (file: string) =>
    http.get(
      ({ request }) => new URL(request.url).pathname.endsWith(`/${file}`),
      () => HttpResponse.error(),
    );

  it('the meter and the manager say so; the manager says it loads, and retries', async () => {
    const errors = console.error;
    console.error = () => undefined;
    // The manager's chunk answers when the test lets it: with a network error.
    let answer: (() => void) | undefined;
    const held = http.get(
      ({ request }) => new URL(request.url).pathname.endsWith('/capacity-manager-dialog.ts'),
      async () => {
        await new Promise<void>((resolve) => (answer = resolve));
        return HttpResponse.error();
      },
    );
    try {
      worker.use(fail('capacity-meter-body.ts'), held);
      const backend = await testBackend();
      const root = await fixture<HTMLElement>(html`
        <div>
          <capacity-meter .backend=${backend}></capacity-meter>
          <capacity-meter compact .backend=${backend}></capacity-meter>
          <capacity-manager .backend=${backend}></capacity-manager>
        </div>
      `);
      const meters = root.querySelectorAll<CapacityMeterElement>('capacity-meter');
      await waitUntil(() => [...meters].every((meter) => q(meter, '.load-failed')), 'the meters did not fail');
      await expectLocalized(root, 'meters whose code failed');
      const manager = root.querySelector<CapacityManagerElement>('capacity-manager')!;
      manager.show();
      await waitUntil(() => manager.shadowRoot!.querySelector('dialog.pending [role="status"]'), 'not loading');
      await expectLocalized(root, 'the manager loading its code');
      await waitUntil(() => answer, 'the chunk was not asked for');
      answer!();
      await waitUntil(() => manager.shadowRoot!.querySelector('dialog.pending [role="alert"]'), 'no failure');
      await expectLocalized(root, 'the manager whose code failed');
      answer = undefined;
      manager.shadowRoot!.querySelector<HTMLButtonElement>('dialog.pending .primary')!.click();
      await waitUntil(() => answer, 'Retry did not ask for the chunk again');
      await expectLocalized(root, 'the manager retrying');
      answer!();
      await waitUntil(
        () => manager.shadowRoot!.querySelector('dialog.pending .primary[aria-disabled="false"]'),
        'the retry did not end',
      );
    } finally {
      console.error = errors;
    }
  });
});

/** A card of contact-1 at `website`, in a page of its own. */
async function card(backend: CapacityBackend, website = 'northwind.example', contactId = 'contact-1'): Promise<Card> {
  const element = await fixture<Card>(html`
    <lead-registration-card
      .backend=${backend}
      contact-id=${contactId}
      website=${website}
      contact-name="Ada Lovelace"
      company="Northwind Analytics"
      country="UK"
    ></lead-registration-card>
  `);
  return element;
}

const stateShown = (element: Card): Promise<unknown> => waitUntil(() => q(element, '.state'), 'no state');

describe('<lead-registration-card> in every state', () => {
  it('loading, then not registered, registering, registered with its announcement', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(3)));
    backend.hold.add('getContactView');
    const element = await card(backend);
    await waitUntil(() => q(element, '.skeleton'));
    await expectLocalized(element, 'loading');
    (await backend.nextHeld()).proceed();
    await stateShown(element);
    await expectLocalized(element, 'not registered');

    backend.hold.add('register');
    q(element, '#register')!.click();
    const held = await backend.nextHeld();
    await expectLocalized(element, 'registering');
    held.proceed();
    await waitUntil(() => q(element, '.registered'));
    await expectLocalized(element, 'registered, announced');
  });

  it('a failed registration, transient (Retry) and not', async () => {
    const backend = new ControlledBackend(await testBackend());
    const element = await card(backend);
    await stateShown(element);
    backend.failNext('register', new CapacityError('timeout'));
    q(element, '#register')!.click();
    await waitUntil(() => q(element, '[role="alert"]'));
    await expectLocalized(element, 'register failed, Retry');
    backend.failNext('register', new CapacityError('forbidden'));
    q(element, '#register')!.click();
    await waitUntil(() => !q(element, '#register')!.textContent.includes('⟦Ŕ') || q(element, '[role="alert"]'));
    await expectLocalized(element, 'register refused');
  });

  it('a website that gives no domain, and no website', async () => {
    await expectLocalized(
      await card(await testBackend(), 'localhost').then(async (e) => (await stateShown(e), e)),
      'localhost',
    );
    await expectLocalized(
      await card(await testBackend(), '').then(async (e) => (await stateShown(e), e)),
      'no website',
    );
  });

  it('capacity full, with its way out', async () => {
    const element = await card(await testBackend(makeRegistrations(50)));
    await waitUntil(() => q(element, '.reason'));
    await expectLocalized(element, 'capacity full');
  });

  it('registered, the website moved since', async () => {
    const element = await card(
      await testBackend([registration({ domain: 'northwind.example', contactId: 'contact-1' })]),
      'ada.example',
    );
    await waitUntil(() => q(element, '.note'));
    await expectLocalized(element, 'registered, website moved');
  });

  it('registered through another contact', async () => {
    const holder = registration({ domain: 'northwind.example', contactId: 'contact-2', contactName: 'Ada Lovelace' });
    const element = await card(await testBackend([holder]));
    await waitUntil(() => q(element, '.other-contact'));
    await expectLocalized(element, 'through another contact');
  });

  it('registered by another partner', async () => {
    const inner = await testBackend();
    const backend: CapacityBackend = {
      subscribe: (onChange) => inner.subscribe(onChange),
      getCapacity: (options) => inner.getCapacity(options),
      listRegistrations: (query, options) => inner.listRegistrations(query, options),
      register: (input, options) => inner.register(input, options),
      deregister: (ids, options) => inner.deregister(ids, options),
      getContactView: async (query): Promise<ContactView> => ({
        contactId: query.contactId,
        registration: null,
        lapsed: null,
        domain: { name: 'northwind.example', heldBy: 'other-partner' },
        capacity: capacity('gold', 500, 3),
      }),
    };
    const element = await card(backend);
    await waitUntil(() => q(element, '.other-partner'));
    await expectLocalized(element, 'another partner’s');
  });

  it('not loaded, with Retry', async () => {
    const backend = new ControlledBackend(await testBackend());
    backend.failNext('getContactView', new CapacityError('network'));
    const element = await card(backend);
    await waitUntil(() => q(element, '[role="alert"]'));
    await expectLocalized(element, 'not loaded');
  });

  it('not available: no contact-id, a bad api-base', async () => {
    const errors = console.error;
    console.error = () => undefined;
    try {
      const noContact = await fixture<Card>(html`<lead-registration-card></lead-registration-card>`);
      await stateShown(noContact);
      await expectLocalized(noContact, 'no contact-id');
      const badBase = await fixture<Card>(
        html`<lead-registration-card contact-id="c" api-base="ftp://example.com/api"></lead-registration-card>`,
      );
      await stateShown(badBase);
      await expectLocalized(badBase, 'a bad api-base');
    } finally {
      console.error = errors;
    }
  });

  it('its gear menu open', async () => {
    const element = await card(await testBackend());
    await stateShown(element);
    q(element, '#gear')!.click();
    await expectLocalized(element, 'the gear menu');
  });
});

describe('<capacity-meter> in every state', () => {
  it('loading, then room, nearly full and full, each also compact', async () => {
    for (const count of [3, 46, 50]) {
      const backend = new ControlledBackend(await testBackend(makeRegistrations(count)));
      backend.hold.add('getCapacity');
      const root = await fixture<HTMLElement>(html`
        <div>
          <capacity-meter .backend=${backend}></capacity-meter>
          <capacity-meter compact .backend=${backend}></capacity-meter>
        </div>
      `);
      const meters = [...root.querySelectorAll<CapacityMeterElement>('capacity-meter')];
      await waitUntil(() => meters.every((meter) => q(meter, '.loading')));
      await expectLocalized(root, 'meters loading');
      (await backend.nextHeld()).proceed();
      await waitUntil(() => meters.every((meter) => q(meter, '[role="meter"]')));
      await expectLocalized(root, `meters at ${count} of 50`);
    }
  });

  it('not loaded, with Retry; a bad api-base', async () => {
    const errors = console.error;
    console.error = () => undefined;
    try {
      const backend = new ControlledBackend(await testBackend());
      backend.failNext('getCapacity', new CapacityError('server'));
      backend.failNext('getCapacity', new CapacityError('server'));
      const root = await fixture<HTMLElement>(html`
        <div>
          <capacity-meter .backend=${backend}></capacity-meter>
          <capacity-meter compact .backend=${backend}></capacity-meter>
          <capacity-meter api-base="ftp://example.com/api"></capacity-meter>
        </div>
      `);
      const meters = [...root.querySelectorAll<CapacityMeterElement>('capacity-meter')];
      await waitUntil(() => meters.every((meter) => q(meter, '.error')));
      await expectLocalized(root, 'meters not loaded');
    } finally {
      console.error = errors;
    }
  });
});

async function openManager(backend: CapacityBackend): Promise<{
  manager: CapacityManagerElement;
  panel: CapacityManagerPanelElement;
}> {
  const manager = await fixture<CapacityManagerElement>(
    html`<capacity-manager .backend=${backend}></capacity-manager>`,
  );
  manager.show();
  const panel = await panelReady(manager);
  await settled(panel);
  return { manager, panel };
}

describe('<capacity-manager> in every state', () => {
  it('its rows, a selection, the confirmation, deregistering, a failure and the outcome', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(40)));
    const { manager, panel } = await openManager(backend);
    await expectLocalized(manager, 'rows');
    const boxes = $$<HTMLInputElement>(panel, 'tbody input[type="checkbox"]');
    boxes[0].click();
    boxes[1].click();
    await panel.updateComplete;
    await expectLocalized(manager, 'a selection');

    $(panel, '#deregister').click();
    await waitUntil(() => confirmationOf(panel).open);
    await expectLocalized(manager, 'the confirmation');
    backend.hold.add('deregister');
    $(panel, '#confirm').click();
    const held = await backend.nextHeld();
    await expectLocalized(manager, 'deregistering');
    held.fail(new CapacityError('server'));
    await waitUntil(() => confirmationOf(panel).querySelector('[role="alert"]'));
    await expectLocalized(manager, 'a failed deregistration, Retry');

    backend.hold.delete('deregister');
    // One of the two is gone meanwhile: the outcome says both what was removed and what was already gone.
    await backend.inner.deregister([boxes[0].closest('tr')!.querySelector('th')!.textContent.trim()]);
    $(panel, '#confirm').click();
    await waitUntil(() => !confirmationOf(panel).open && statusText(panel) !== '');
    await expectLocalized(manager, 'deregistered, announced');
  });

  it('more selected than one request can take', async () => {
    const { manager, panel } = await openManager(await testBackend(makeRegistrations(3)));
    const many = new Map(
      Array.from({ length: 1001 }, (_, index) => {
        const row = registration({ domain: `d${index}.example` });
        return [row.id, row] as const;
      }),
    );
    (panel as unknown as { selection: typeof many }).selection = many;
    await panel.updateComplete;
    $(panel, '#deregister').click();
    await waitUntil(() => confirmationOf(panel).open);
    await expectLocalized(manager, 'too many');
  });

  it('empty, no match, not loaded', async () => {
    const empty = await openManager(await testBackend());
    await expectLocalized(empty.manager, 'empty');

    const backend = new ControlledBackend(await testBackend(makeRegistrations(3)));
    const { manager, panel } = await openManager(backend);
    const search = $<HTMLInputElement>(panel, '#search');
    search.value = 'nothing-matches';
    search.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => panel.shadowRoot!.querySelector('tr.message'));
    await expectLocalized(manager, 'no match');

    backend.failNext('listRegistrations', new CapacityError('timeout'));
    search.value = '';
    search.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => panel.shadowRoot!.querySelector('tr.message [role="alert"]'));
    await expectLocalized(manager, 'not loaded');
  });

  it('a bad api-base', async () => {
    const errors = console.error;
    console.error = () => undefined;
    try {
      const manager = await fixture<CapacityManagerElement>(
        html`<capacity-manager api-base="ftp://example.com/api"></capacity-manager>`,
      );
      manager.show();
      await waitUntil(() => manager.shadowRoot!.querySelector('.placeholder[role="alert"]'));
      expect(panelOf(manager)).to.equal(null);
      await expectLocalized(manager, 'a bad api-base');
    } finally {
      console.error = errors;
    }
  });
});
