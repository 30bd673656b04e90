import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { api, startMockApi, worker } from '../../mocks/browser.js';
import { LocalBackend } from '../../src/backends/local-backend.js';
import { RestBackend } from '../../src/backends/rest-backend.js';
import type { CapacityError } from '../../src/core/errors.js';
import type { CallOptions, CapacityBackend, ContactQuery, Registration } from '../../src/core/types.js';
import '../../src/define.js';
import type { CapacityManagerElement } from '../../src/elements/capacity-manager/capacity-manager.js';
import type { CapacityMeterElement } from '../../src/elements/capacity-meter/capacity-meter.js';
import type { LeadRegistrationCardElement } from '../../src/elements/lead-registration-card/lead-registration-card.js';
import { englishLocalizer } from '../../src/i18n/localizer.js';
import { ControlledBackend, disposeTestBackends, testBackend } from '../helpers/backends.js';
import { panelOf, settled, shownDomains } from '../helpers/capacity-manager.js';
import { bodyOf, cardShows, registerButton, stateOf } from '../helpers/card.js';
import { q, textOf } from '../helpers/dom.js';
import { receivedEvents } from '../helpers/events.js';
import { makeRegistrations, registration } from '../helpers/registrations.js';
import { eventually, nextTask } from '../helpers/wait.js';

/*
 * Issue 6, item 3: two tabs of the same partner. A change in one shows in the other (LocalBackend
 * tells other tabs over a BroadcastChannel; RestBackend reads again when the page becomes visible
 * or the window regains focus); two tabs racing for the last free slot get one registration, and
 * the loser says the capacity is full and offers the manager; an answer that arrives late never
 * replaces a newer one.
 *
 * Two tabs are simulated in one page: two LocalBackend instances on the same database (each has
 * its own channel end and its own copy), or two RestBackend instances on the same mock server.
 */

type Card = LeadRegistrationCardElement;

const opened: LocalBackend[] = [];
/** Two LocalBackends on one database, as two tabs of the same page have. */
async function twoTabs(registrations: Registration[] = [], limit?: number): Promise<[LocalBackend, LocalBackend]> {
  const name = `lrw-tabs-${crypto.randomUUID()}`;
  const options = { name, ...(limit === undefined ? {} : { limits: { untiered: limit } }) };
  const a = new LocalBackend(options);
  const b = new LocalBackend(options);
  opened.push(a, b);
  if (registrations.length > 0) await a.replaceAll(registrations);
  return [a, b];
}

afterEach(async () => {
  worker.resetHandlers();
  for (const backend of opened.splice(0)) {
    backend.dispose();
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(backend.name);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  }
  await disposeTestBackends();
});

const summaryOf = (meter: CapacityMeterElement): string => textOf(q(meter, '[part="summary"]'));

async function meterShows(meter: CapacityMeterElement, expected: string): Promise<void> {
  await eventually(
    () => summaryOf(meter) === expected,
    () => `the meter shows “${summaryOf(meter)}”, not “${expected}”`,
  );
}

/** A contact page in one tab: a meter and the card of `contactId`. */
async function tab(
  backend: CapacityBackend,
  contactId: string,
  website: string,
): Promise<{ card: Card; meter: CapacityMeterElement }> {
  const page = await fixture<HTMLElement>(html`
    <div>
      <capacity-meter .backend=${backend}></capacity-meter>
      <lead-registration-card .backend=${backend} contact-id=${contactId} website=${website}></lead-registration-card>
    </div>
  `);
  return { card: page.querySelector('lead-registration-card')!, meter: page.querySelector('capacity-meter')! };
}

describe('another tab’s change shows in this tab', () => {
  it('LocalBackend: a registration and a deregistration in another tab update the card and the meter (BroadcastChannel)', async () => {
    const [here, there] = await twoTabs(makeRegistrations(3));
    const { card, meter } = await tab(here, 'c-1', 'example.com');
    await cardShows(card, 'Not registered');
    await meterShows(meter, '3 of 50 domains used');

    const { registration: registered } = await there.register({ contactId: 'c-1', website: 'www.example.com' });
    await cardShows(card, 'Registered');
    await meterShows(meter, '4 of 50 domains used');

    await there.deregister([registered.id]);
    await cardShows(card, 'Not registered');
    expect(textOf(registerButton(card))).to.equal('Register');
    await meterShows(meter, '3 of 50 domains used');
  });

  it('LocalBackend: an open manager lists another tab’s registration', async () => {
    const [here, there] = await twoTabs(makeRegistrations(3));
    const manager = await fixture<CapacityManagerElement>(
      html`<capacity-manager open .backend=${here}></capacity-manager>`,
    );
    await waitUntil(() => panelOf(manager), 'no panel');
    const panel = panelOf(manager)!;
    await settled(panel);
    expect(shownDomains(panel)).to.have.length(3);
    await there.register({ contactId: 'c-9', website: 'zzz-new.example' });
    await waitUntil(
      () => shownDomains(panel).includes('zzz-new.example'),
      `the manager lists ${shownDomains(panel).join(', ')}`,
    );
  });

  for (const event of ['focus', 'visibilitychange'] as const) {
    it(`RestBackend: reads again when the ${event === 'focus' ? 'window regains focus' : 'page becomes visible'}`, async () => {
      await startMockApi({ state: { registrations: makeRegistrations(3) } });
      const backend = new RestBackend({ baseUrl: api.baseUrl });
      const { card, meter } = await tab(backend, 'c-1', 'example.com');
      await cardShows(card, 'Not registered');
      await meterShows(meter, '3 of 50 domains used');

      // Another tab registers this contact, and another one.
      api.ledger.register({ contactId: 'c-1', website: 'example.com' }, { id: 'r-1', now: new Date() });
      api.ledger.register({ contactId: 'c-2', website: 'other.example' }, { id: 'r-2', now: new Date() });
      expect(summaryOf(meter), 'nothing happens by itself').to.equal('3 of 50 domains used');
      (event === 'focus' ? window : document).dispatchEvent(new Event(event));
      const expected = englishLocalizer.t(
        'capacity.summary',
        (({ used, limit }) => ({ used, limit }))(api.ledger.capacity()),
      );
      await meterShows(meter, expected);
      await cardShows(card, 'Registered');
    });
  }
});

describe('two tabs racing for the last free slot', () => {
  /** Both cards click Register in the same moment; one registers, the other says the capacity is full. */
  async function race(tabs: [CapacityBackend, CapacityBackend], serverCount: () => Promise<number>): Promise<void> {
    const a = await tab(tabs[0], 'c-a', 'alpha.example');
    const b = await tab(tabs[1], 'c-b', 'beta.example');
    await cardShows(a.card, 'Not registered');
    await cardShows(b.card, 'Not registered');
    await meterShows(a.meter, '4 of 5 domains used');
    await meterShows(b.meter, '4 of 5 domains used');

    // Each click's outcome reaches the page as an event of its card: wait for both, as the loser's card may say
    // the capacity is full before its own answer comes (the winner's tab tells it first).
    const received = receivedEvents(['lead-registered', 'lead-registration-error']);
    const outcomes = (): string[] =>
      received.events.map(({ type, target, detail }) => {
        const error = type === 'lead-registration-error' ? (detail as { error: CapacityError }).error.code : '';
        return `${(target as Element).getAttribute('contact-id')} ${type} ${error}`.trim();
      });
    registerButton(a.card).click();
    registerButton(b.card).click();
    try {
      await eventually(
        () => received.events.length >= 2,
        () => `the page heard ${JSON.stringify(outcomes())}`,
      );
    } finally {
      received.stop();
    }
    const [winner, loser] = received.events.some(({ type, target }) => type === 'lead-registered' && target === a.card)
      ? [a, b]
      : [b, a];
    // One each: which tab's answer comes first is not ours to say.
    expect(outcomes()).to.have.length(2);
    expect(outcomes()).to.have.members([
      `${winner.card.contactId} lead-registered`,
      `${loser.card.contactId} lead-registration-error capacity-exceeded`,
    ]);
    await cardShows(winner.card, 'Registered');
    await eventually(
      () => bodyOf(loser.card).includes('Your capacity is full (5 of 5 domains used).'),
      () => `the losing card shows “${bodyOf(loser.card)}”`,
    );
    expect(stateOf(loser.card)).to.equal('Not registered');
    expect(registerButton(loser.card).getAttribute('aria-disabled')).to.equal('true');
    expect(textOf(loser.card.shadowRoot!.querySelector('[role="status"]'))).to.equal(
      'Your registration capacity is full. Deregister prospects you no longer work with to make room.',
    );
    expect(await serverCount(), 'one registration, not two').to.equal(5);
    for (const { meter } of [winner, loser]) await meterShows(meter, '5 of 5 domains used');

    // The way out: the manager, from the losing card.
    const manage = [...loser.card.shadowRoot!.querySelectorAll<HTMLButtonElement>('.body button')].find(
      (button) => textOf(button) === 'Manage your capacity',
    );
    expect(manage, 'Manage your capacity').to.exist;
    manage!.click();
    const manager = (): CapacityManagerElement | null => loser.card.shadowRoot!.querySelector('capacity-manager');
    await waitUntil(() => manager()?.open && panelOf(manager()!), 'the manager did not open');
    const panel = panelOf(manager()!)!;
    await settled(panel);
    expect(shownDomains(panel), 'the winner’s registration, once').to.deep.equal([
      winner === a ? 'alpha.example' : 'beta.example',
      ...makeRegistrations(4).map((registration) => registration.domain),
    ]);
  }

  it('LocalBackend: two tabs on one database', async () => {
    const tabs = await twoTabs(makeRegistrations(4), 5);
    await race(tabs, async () => (await tabs[0].getCapacity()).used);
  });

  it('RestBackend: two tabs on one server', async () => {
    await startMockApi({ state: { registrations: makeRegistrations(4), limits: { untiered: 5 } } });
    const tabs: [RestBackend, RestBackend] = [
      new RestBackend({ baseUrl: api.baseUrl }),
      new RestBackend({ baseUrl: api.baseUrl }),
    ];
    await race(tabs, () => Promise.resolve(api.ledger.capacity().used));
  });
});

describe('answers out of order', () => {
  /** A host backend that does not honour abort signals: an abandoned call still answers, late. */
  function ignoringSignals(inner: CapacityBackend): CapacityBackend {
    const strip = (options?: CallOptions): CallOptions => ({ ...options, signal: undefined });
    return {
      getCapacity: (options) => inner.getCapacity(strip(options)),
      getContactView: (query, options) => inner.getContactView(query, strip(options)),
      listRegistrations: (query, options) => inner.listRegistrations(query, strip(options)),
      register: (input, options) => inner.register(input, strip(options)),
      deregister: (ids, options) => inner.deregister(ids, strip(options)),
    };
  }

  for (const order of ['the new contact’s first', 'the old contact’s first'] as const) {
    it(`the card switched to another contact never shows the previous one’s answer (${order})`, async () => {
      const inner = await testBackend([registration({ domain: 'old.example', contactId: 'c-old' })]);
      const backend = new ControlledBackend(ignoringSignals(inner));
      backend.hold.add('getContactView');
      const card = await fixture<Card>(
        html`<lead-registration-card
          .backend=${backend}
          contact-id="c-old"
          website="old.example"
        ></lead-registration-card>`,
      );
      const old = await backend.nextHeld();

      card.contactId = 'c-new';
      card.website = 'new.example';
      const current = await backend.nextHeld();
      expect((current.args[0] as ContactQuery).contactId).to.equal('c-new');
      // The old contact is registered: its late answer, handed to the card, must change nothing.
      const oldAnswer = await old.answerLate();
      if (order === 'the new contact’s first') {
        current.proceed();
        await cardShows(card, 'Not registered');
        oldAnswer.deliver();
      } else {
        oldAnswer.deliver();
        await nextTask();
        await card.updateComplete;
        expect(bodyOf(card), 'the old answer is not shown while the new one is awaited').to.equal(
          'Loading the registration…',
        );
        current.proceed();
        await cardShows(card, 'Not registered');
      }
      await nextTask();
      await card.updateComplete;
      expect(stateOf(card)).to.equal('Not registered');
      expect(bodyOf(card)).to.contain('Registering adds new.example to your capacity.');
      expect(bodyOf(card)).to.not.contain('old.example');
    });
  }
});
