import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing, type TemplateResult } from 'lit';
import type { CapacityBackend } from '../../src/core/types.js';
import '../../src/define.js';
import { disposeTestBackends, testBackend } from '../helpers/backends.js';
import { deepElements, deepText, readable } from '../helpers/dom.js';
import { UncaughtErrors } from '../helpers/uncaught.js';
import { capacity as capacityOf } from '../helpers/registrations.js';

/*
 * Contract section 3 and issue 6, item 6: a host's configuration mistake (an api-base that is no
 * http(s) URL, a backend that is not a CapacityBackend, a card without a contact) is said in words on
 * the element and once in the console, naming the element. Never a blank box, never an uncaught
 * exception.
 */

// --- Console and uncaught errors ------------------------------------------------------------------

let logged: unknown[][] = [];
const originalError = console.error;
const uncaught = new UncaughtErrors();

beforeEach(() => {
  logged = [];
  console.error = (...args: unknown[]) => void logged.push(args);
  uncaught.watch();
});

afterEach(async () => {
  console.error = originalError;
  uncaught.stop();
  await disposeTestBackends();
  expect(uncaught.errors, 'uncaught errors').to.deep.equal([]);
});

/** What was logged, one string per console.error call. */
function logLines(): string[] {
  return logged.map((args) => args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' '));
}

/**
 * Waits for all an element does on its own before the log is counted: resolving its backend (at once, from what it
 * was given) and its update, whose `updateComplete` waits for the body it loads lazily (the meter's, the manager's).
 * A mistake said again, by that body or by an update, has been said by then.
 */
async function settle(element: Element): Promise<void> {
  await (element as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
}

/** The text shown in `element`'s shadow root and those inside it, as a person reads it. */
function shown(element: Element): string {
  return readable(deepText(element));
}

/** Asserts the message is on the element, the element is not a blank box, and one console.error names both. */
function expectSaid(element: HTMLElement, message: string | RegExp, tag = element.localName): void {
  const text = shown(element);
  if (typeof message === 'string') expect(text, `<${element.localName}> shows the mistake`).to.contain(message);
  else expect(text, `<${element.localName}> shows the mistake`).to.match(message);
  const box = (
    element.localName === 'capacity-manager' ? element.shadowRoot!.querySelector('dialog')! : element
  ).getBoundingClientRect();
  expect(box.height, `<${element.localName}> is not a blank box`).to.be.greaterThan(0);
  const lines = logLines();
  expect(lines, `one console.error, naming <${tag}> and the mistake: ${JSON.stringify(lines)}`).to.have.length(1);
  expect(lines[0]).to.contain(`<${tag}>`);
  if (typeof message === 'string') expect(lines[0]).to.contain(message);
  else expect(lines[0]).to.match(message);
}

// --- The mistakes -----------------------------------------------------------------------------------

const withoutDeregister = {
  getCapacity: () => Promise.resolve(capacityOf('untiered', 50, 0)),
  getContactView: () =>
    Promise.resolve({
      contactId: 'c',
      registration: null,
      lapsed: null,
      domain: null,
      capacity: capacityOf('untiered', 50, 0),
    }),
  listRegistrations: () => Promise.reject(new Error('not called')),
  register: () => Promise.reject(new Error('not called')),
};

interface Mistake {
  name: string;
  /** The attribute or property binding that carries it. */
  apiBase?: string;
  backend?: unknown;
  /** What the element says (and the console). */
  message: string | RegExp;
}

const MISTAKES: Mistake[] = [
  { name: 'an api-base that is no URL', apiBase: 'http://[', message: 'The api-base “http://[” is not a valid URL.' },
  {
    name: 'a javascript: api-base',
    apiBase: 'javascript:alert(1)',
    message: 'The api-base “javascript:alert(1)” must be an http or https URL.',
  },
  {
    name: 'an empty object as backend',
    backend: {},
    message: 'is missing getCapacity, getContactView, listRegistrations, register, deregister',
  },
  { name: 'a backend without deregister', backend: withoutDeregister, message: 'is missing deregister.' },
  {
    name: 'a number as backend',
    backend: 42,
    message: /backend .* is a number, not an object that implements CapacityBackend/,
  },
  {
    name: 'a URL string as backend',
    backend: 'https://crm.example/api',
    message: /backend .* is a string, not an object that implements CapacityBackend.*api-base/,
  },
  {
    name: 'a promise of a backend',
    backend: Promise.resolve({}),
    message: /backend .* is a Promise.*await it/,
  },
];

function render(tag: 'card' | 'meter' | 'manager', mistake: Mistake): TemplateResult {
  const backend = mistake.backend as CapacityBackend | undefined;
  const apiBase = mistake.apiBase;
  switch (tag) {
    case 'card':
      return html`<lead-registration-card
        contact-id="c-1"
        website="acme.com"
        .apiBase=${apiBase}
        .backend=${backend}
      ></lead-registration-card>`;
    case 'meter':
      return html`<capacity-meter .apiBase=${apiBase} .backend=${backend}></capacity-meter>`;
    case 'manager':
      return html`<capacity-manager .apiBase=${apiBase} .backend=${backend}></capacity-manager>`;
  }
}

for (const tag of ['card', 'meter', 'manager'] as const) {
  describe(`configuration mistakes: <${tag === 'card' ? 'lead-registration-card' : `capacity-${tag}`}>`, () => {
    for (const mistake of MISTAKES) {
      it(`${mistake.name}: a clear message on the element and one in the console`, async () => {
        const element = await fixture<HTMLElement>(render(tag, mistake));
        if (tag === 'manager') element.toggleAttribute('open', true);
        await settle(element);
        expectSaid(element, mistake.message);
        if (tag === 'manager') await expect(element).to.be.accessible();
      });
    }
  });
}

describe('configuration mistakes: the card’s contact', () => {
  for (const [name, contactId] of [
    ['no contact-id', undefined],
    ['an empty contact-id', ''],
    ['a contact-id of spaces', '   '],
  ] as const) {
    it(`${name}: a clear message on the card and one in the console`, async () => {
      const backend = await testBackend();
      const card = await fixture<HTMLElement>(
        html`<lead-registration-card
          .backend=${backend}
          contact-id=${contactId ?? nothing}
          website="acme.com"
        ></lead-registration-card>`,
      );
      await settle(card);
      expectSaid(card, 'This card has no contact to show: set its contact-id attribute');
      await expect(card).to.be.accessible();
    });
  }

  it('says it once per mistake: a re-render does not log again, a contact given later clears the message', async () => {
    const backend = await testBackend();
    const card = await fixture<HTMLElement & { website: string; contactId: string | undefined }>(
      html`<lead-registration-card .backend=${backend} website="acme.com"></lead-registration-card>`,
    );
    await settle(card);
    card.website = 'other.example';
    await settle(card);
    expect(logLines()).to.have.length(1);
    card.contactId = 'c-1';
    await waitUntil(() => shown(card).includes('Not registered'), 'the card did not load the contact given later');
    expect(logLines()).to.have.length(1);
    card.contactId = '';
    await settle(card);
    expect(shown(card)).to.contain('This card has no contact to show');
    expect(logLines(), 'losing the contact again is a new mistake').to.have.length(2);
  });
});

describe('configuration mistakes: <capacity-provider>', () => {
  for (const mistake of MISTAKES) {
    it(`${mistake.name} on the provider: every element inside says so, the console once`, async () => {
      const provider = await fixture<HTMLElement>(html`
        <capacity-provider .apiBase=${mistake.apiBase} .backend=${mistake.backend}>
          <capacity-meter></capacity-meter>
          <lead-registration-card contact-id="c-1" website="acme.com"></lead-registration-card>
          <capacity-manager></capacity-manager>
        </capacity-provider>
      `);
      const manager = provider.querySelector('capacity-manager')!;
      manager.show();
      const inside = [...provider.children] as HTMLElement[];
      for (const element of inside) await settle(element);
      for (const element of inside) {
        const text = shown(element);
        expect(text, `<${element.localName}> names the provider`).to.contain('capacity-provider');
        if (typeof mistake.message === 'string')
          expect(text, `<${element.localName}> shows the mistake`).to.contain(mistake.message);
        else expect(text, `<${element.localName}> shows the mistake`).to.match(mistake.message);
      }
      const lines = logLines();
      expect(lines, `one console.error, from the provider: ${JSON.stringify(lines)}`).to.have.length(1);
      expect(lines[0]).to.contain('<capacity-provider>');
      expect(Symbol.for('lead-registration-widget/default-backend') in globalThis, 'no fallback to the page default').to
        .be.false;
    });
  }
});

describe('a backend whose methods throw or return plain values', () => {
  const fail = (method: string) => (): never => {
    throw new Error(`${method} is not implemented yet`);
  };
  const throwing = {
    getCapacity: fail('getCapacity'),
    getContactView: fail('getContactView'),
    listRegistrations: fail('listRegistrations'),
    register: fail('register'),
    deregister: fail('deregister'),
  };
  const capacity = capacityOf('gold', 500, 3);
  const synchronous = {
    getCapacity: () => capacity,
    getContactView: ({ contactId }: { contactId: string }) => ({
      contactId,
      registration: null,
      lapsed: null,
      domain: null,
      capacity,
    }),
    listRegistrations: () => ({ items: [], total: 0, page: 1, pageSize: 25, capacity }),
    register: fail('register'),
    deregister: fail('deregister'),
  };
  const CASES = [
    {
      name: 'methods that throw synchronously',
      backend: throwing,
      // A failed call, with Retry: not a configuration mistake, and nothing thrown through an update.
      expected: {
        card: 'The registration could not be loaded.',
        meter: 'Your capacity could not be loaded.',
        manager: 'The registration service had a problem.',
      },
    },
    {
      name: 'methods that return plain values instead of promises',
      backend: synchronous,
      expected: {
        card: 'Not registered',
        meter: '3 of 500 domains used',
        manager: 'No domains are registered in your capacity yet.',
      },
    },
  ] as const;
  for (const { name, backend, expected } of CASES) {
    for (const tag of ['card', 'meter', 'manager'] as const) {
      it(`${name}: <${tag}> shows what happened, nothing uncaught`, async () => {
        const element = await fixture<HTMLElement>(render(tag, { name, backend, message: '' }));
        if (tag === 'manager') element.toggleAttribute('open', true);
        await waitUntil(() => shown(element).includes(expected[tag]), `<${tag}> shows “${shown(element)}”`);
        if (backend === throwing) {
          const retry = [...deepElements(element)].find(
            (node) => node.localName === 'button' && readable(node.textContent) === 'Retry',
          );
          expect(retry, 'a Retry button').to.exist;
        }
      });
    }
  }
});

// --- Untidy host pages (issue 12, item 4; docs/contract.md#untidy-attribute-values) -------------------

describe('untidy attribute values a template may produce', () => {
  let warned: string[] = [];
  const originalWarn = console.warn;
  beforeEach(() => {
    warned = [];
    console.warn = (...args: unknown[]) => void warned.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = originalWarn;
  });

  /** A backend in memory that records the contacts asked for. */
  function memoryBackend(asked: string[] = []): CapacityBackend {
    const capacity = capacityOf('gold', 500, 7);
    return {
      getCapacity: () => Promise.resolve(capacity),
      getContactView: ({ contactId }) => {
        asked.push(contactId);
        return Promise.resolve({ contactId, registration: null, lapsed: null, domain: null, capacity });
      },
      listRegistrations: () => Promise.resolve({ items: [], total: 0, page: 1, pageSize: 25, capacity }),
      register: () => Promise.reject(new Error('not called')),
      deregister: () => Promise.reject(new Error('not called')),
    };
  }

  for (const contactId of ['undefined', 'null', ' null ']) {
    it(`contact-id="${contactId}" is no contact: said once, nothing read`, async () => {
      const asked: string[] = [];
      const card = await fixture<HTMLElement>(
        html`<lead-registration-card
          .backend=${memoryBackend(asked)}
          contact-id=${contactId}
        ></lead-registration-card>`,
      );
      await settle(card);
      expectSaid(card, 'This card has no contact to show: set its contact-id attribute');
      expect(asked).to.deep.equal([]);
      expect(warned).to.deep.equal([]);
    });
  }

  it('website, company, contact-name "null" or "undefined" are missing values; white space around is ignored', async () => {
    const asked: string[] = [];
    const card = await fixture<HTMLElement>(html`
      <lead-registration-card
        .backend=${memoryBackend(asked)}
        contact-id="  c-1 "
        website="null"
        company="undefined"
        contact-name=" null"
        country=" DE "
      ></lead-registration-card>
    `);
    await waitUntil(() => shown(card).includes('Not registered'), shown(card));
    expect(shown(card)).to.contain('This contact has no website, so there is no domain to register.');
    expect(card.shadowRoot!.querySelector('.about')?.textContent.trim()).to.equal('DE');
    expect(shown(card)).not.to.match(/null|undefined/);
    expect(asked).to.deep.equal(['c-1']);
    expect(logLines()).to.deep.equal([]);
    expect(warned).to.deep.equal([]);
  });

  for (const apiBase of ['', '  ', 'undefined', 'null']) {
    it(`api-base="${apiBase}" inside a provider: the provider's backend, nothing said`, async () => {
      const provider = await fixture<HTMLElement>(html`
        <capacity-provider .backend=${memoryBackend()}>
          <capacity-meter api-base=${apiBase}></capacity-meter>
        </capacity-provider>
      `);
      const meter = provider.querySelector('capacity-meter')!;
      await waitUntil(() => shown(meter).includes('7 of 500 domains used'), shown(meter));
      expect(logLines()).to.deep.equal([]);
      expect(warned).to.deep.equal([]);
    });
  }

  it('api-base with no URL and nothing else: each element says so, the console once, no embedded store', async () => {
    const page = await fixture<HTMLElement>(html`
      <div>
        <lead-registration-card contact-id="c-1" api-base="undefined"></lead-registration-card>
        <capacity-meter api-base="null"></capacity-meter>
        <capacity-manager api-base=""></capacity-manager>
      </div>
    `);
    const [card, meter, manager] = [...page.children] as HTMLElement[];
    (manager as HTMLElement & { show(): void }).show();
    for (const [element, value] of [
      [card, 'undefined'],
      [meter, 'null'],
      [manager, ''],
    ] as const) {
      await waitUntil(
        () => shown(element).includes(`The api-base “${value}” is not a valid URL.`),
        `<${element.localName}> shows “${shown(element)}”`,
      );
    }
    expect(warned, 'one warning for the page').to.have.length(1);
    expect(warned[0]).to.equal(
      '<lead-registration-card>: The api-base “undefined” is not a valid URL. (docs/embedding.md)',
    );
    expect(logLines()).to.deep.equal([]);
    expect(Symbol.for('lead-registration-widget/default-backend') in globalThis).to.be.false;
  });

  for (const [value, compact] of [
    ['false', false],
    [' false ', false],
    ['', true],
    ['true', true],
    ['compact', true],
  ] as const) {
    it(`compact="${value}" is ${compact ? 'compact' : 'not compact'}`, async () => {
      const meter = await fixture<HTMLElement & { compact: boolean }>(
        html`<capacity-meter .backend=${memoryBackend()} compact=${value}></capacity-meter>`,
      );
      expect(meter.compact).to.equal(compact);
      const summary = compact ? '7 of 500' : '7 of 500 domains used';
      await waitUntil(
        () => meter.shadowRoot!.querySelector('[part=summary]')?.textContent.trim() === summary,
        shown(meter),
      );
    });
  }

  for (const [value, open] of [
    ['false', false],
    ['', true],
    ['true', true],
  ] as const) {
    it(`open="${value}" is ${open ? 'open' : 'closed'}`, async () => {
      const manager = await fixture<HTMLElement & { open: boolean }>(
        html`<capacity-manager .backend=${memoryBackend()} open=${value}></capacity-manager>`,
      );
      await settle(manager);
      expect(manager.open).to.equal(open);
      expect(manager.shadowRoot!.querySelector('dialog')?.open ?? false).to.equal(open);
      manager.toggleAttribute('open', false);
      await settle(manager);
    });
  }
});
