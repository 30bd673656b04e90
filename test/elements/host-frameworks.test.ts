import { expect, waitUntil } from '@open-wc/testing';
import type { CapacityBackend, ContactQuery } from '../../src/core/types.js';
import '../../src/define.js';
import { bodyOf, cardShows } from '../helpers/card.js';
import { meterSummary } from '../helpers/capacity-manager.js';
import { deepText, readable } from '../helpers/dom.js';
import { capacity } from '../helpers/registrations.js';

/*
 * Issue 12, item 3: React 18 sets every prop of a custom element as an attribute, so `backend={backend}` arrives as
 * backend="[object Object]", and the documented way is to set the property from an effect, after the element has
 * connected. The element must neither take the page's embedded store (an IndexedDB database in the host's origin)
 * before the effect has run, nor silently when the backend came as an attribute.
 */

const CAPACITY = capacity('gold', 500, 7);

/** A backend in memory: no IndexedDB of its own, so that any database opened is the page default's. */
function memoryBackend(): CapacityBackend {
  return {
    getCapacity: () => Promise.resolve(CAPACITY),
    getContactView: ({ contactId }: ContactQuery) =>
      Promise.resolve({ contactId, registration: null, lapsed: null, domain: null, capacity: CAPACITY }),
    listRegistrations: () => Promise.resolve({ items: [], total: 0, page: 1, pageSize: 25, capacity: CAPACITY }),
    register: () => Promise.reject(new Error('not called')),
    deregister: () => Promise.reject(new Error('not called')),
  };
}

const originalOpen = Object.getOwnPropertyDescriptor(IDBFactory.prototype, 'open')!;
const originalWarn = console.warn;
let opened: string[] = [];
let warned: string[] = [];
const added: Element[] = [];

beforeEach(() => {
  opened = [];
  warned = [];
  IDBFactory.prototype.open = function (this: IDBFactory, name: string, version?: number) {
    opened.push(name);
    return (originalOpen.value as IDBFactory['open']).call(this, name, version);
  };
  console.warn = (...args: unknown[]) => void warned.push(args.map(String).join(' '));
});

afterEach(() => {
  Object.defineProperty(IDBFactory.prototype, 'open', originalOpen);
  console.warn = originalWarn;
  for (const element of added.splice(0)) element.remove();
});

/** An element made as a framework makes one: created, its attributes set; `insert` adds it to the page. */
function add<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  children: Element[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

function insert(element: Element): void {
  document.body.append(element);
  added.push(element);
}

/** Lets two frames and the tasks after them pass: the page default would have been chosen by then. */
async function framesPass(): Promise<void> {
  for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await new Promise((resolve) => setTimeout(resolve, 150));
}

const shown = (element: Element): string => readable(deepText(element));

describe('a backend given as an attribute (React 18: backend="[object Object]")', () => {
  it('each element says so, the console once for the page, and no database is opened', async () => {
    const first = add('lead-registration-card', { 'contact-id': 'c-1', backend: '[object Object]' });
    const second = add('lead-registration-card', { 'contact-id': 'c-2', backend: '[object Object]' });
    const meter = add('capacity-meter', { backend: '[object Object]' });
    for (const element of [first, second, meter]) insert(element);
    for (const element of [first, second, meter]) {
      await waitUntil(
        () => shown(element).includes('The backend attribute (“[object Object]”) holds only text'),
        `<${element.localName}> shows “${shown(element)}”`,
      );
    }
    expect(shown(first)).to.contain('set the backend property instead (in React 18, from an effect), or use api-base.');
    await framesPass();
    expect(warned, 'one warning for the page').to.have.length(1);
    expect(warned[0]).to.match(
      /^<lead-registration-card>: The backend attribute \(“\[object Object\]”\) holds only text/,
    );
    expect(warned[0]).to.contain('(docs/embedding.md)');
    expect(opened, 'no IndexedDB database opened').to.deep.equal([]);
  });

  it('the card’s own Capacity Manager says so too, and opens no database', async () => {
    const card = add('lead-registration-card', { 'contact-id': 'c-1', backend: '[object Object]' });
    insert(card);
    await waitUntil(() => shown(card).includes('holds only text'), `the card shows “${shown(card)}”`);
    card.shadowRoot!.querySelector<HTMLElement>('[role=menuitem]')!.click(); // Manage your capacity
    await waitUntil(() => card.shadowRoot!.querySelector('capacity-manager'), 'the card made its manager');
    const manager = card.shadowRoot!.querySelector('capacity-manager')!;
    await waitUntil(
      () => shown(manager).includes('The backend attribute (“[object Object]”) holds only text'),
      `the manager shows “${shown(manager)}”`,
    );
    await framesPass();
    expect(opened).to.deep.equal([]);
    manager.close();
  });

  it('on the provider: the elements inside say so, and no database is opened', async () => {
    const card = add('lead-registration-card', { 'contact-id': 'c-1' });
    insert(add('capacity-provider', { backend: '[object Object]' }, [card]));
    await waitUntil(
      () =>
        shown(card).includes(
          'The <capacity-provider> around this element cannot be used. The backend attribute (“[object Object]”)',
        ),
      `the card shows “${shown(card)}”`,
    );
    await framesPass();
    expect(opened).to.deep.equal([]);
  });

  it('set as a property from an effect as well (React 18 with a ref): the property is used, nothing said', async () => {
    const card = add('lead-registration-card', {
      'contact-id': 'c-1',
      backend: '[object Object]',
    });
    insert(card);
    queueMicrotask(() => (card.backend = memoryBackend()));
    await cardShows(card, 'Not registered');
    await framesPass();
    expect(warned).to.deep.equal([]);
    expect(opened).to.deep.equal([]);
  });
});

describe('a backend set just after the element connected (an effect)', () => {
  const WHEN: [string, (set: () => void) => void][] = [
    ['in the same task', (set) => set()],
    [
      'in a task after it (React 18’s effects)',
      (set) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          set();
        };
        channel.port2.postMessage(null);
      },
    ],
    ['in the next frame', (set) => requestAnimationFrame(set)],
  ];
  for (const [when, schedule] of WHEN) {
    it(`${when}: the element uses it, and no database is created`, async () => {
      const card = add('lead-registration-card', { 'contact-id': 'c-1' });
      const meter = add('capacity-meter', {});
      const backend = memoryBackend();
      insert(card);
      insert(meter);
      schedule(() => {
        card.backend = backend;
        meter.backend = backend;
      });
      await cardShows(card, 'Not registered');
      await waitUntil(() => meterSummary(meter) === '7 of 500 domains used', `the meter shows “${shown(meter)}”`);
      await framesPass();
      expect(opened, 'no IndexedDB database opened').to.deep.equal([]);
      expect(Symbol.for('lead-registration-widget/default-backend') in globalThis).to.be.false;
    });
  }

  it('none at all: after that chance, the page’s embedded store (which this test sees open its database)', async () => {
    const card = add('lead-registration-card', { 'contact-id': 'c-1' });
    insert(card);
    await cardShows(card, 'Not registered');
    expect(bodyOf(card)).to.contain('Not registered');
    expect(opened).to.include('lead-registration-widget');
  });
});
