import { expect, fixture, html } from '@open-wc/testing';
import { api, startMockApi, worker } from '../../mocks/browser.js';
import { RestBackend } from '../../src/backends/rest-backend.js';
import { CapacityError } from '../../src/core/errors.js';
import '../../src/define.js';
import type { CapacityMeterElement } from '../../src/elements/capacity-meter/capacity-meter.js';
import type { LeadRegistrationCardElement } from '../../src/elements/lead-registration-card/lead-registration-card.js';
import { cardShows } from '../helpers/card.js';
import { textOf } from '../helpers/dom.js';
import { receivedEvents, type ReceivedEvent } from '../helpers/events.js';
import { FAILURES, faultHandler, gate, openGates, type Fault } from '../helpers/faults.js';
import { makeRegistrations } from '../helpers/registrations.js';
import { eventually } from '../helpers/wait.js';

/*
 * Issue 17: one failed backend call is one `lead-registration-error`, however many elements show the
 * failure (docs/contract.md#events). On the usual host page, a card beside a <capacity-meter>, a failed
 * capacity read once reached the host twice, with every fault, and the fault matrix did not see it: it
 * folded the events into a Set before comparing. Here the API fails in each of the seven ways and the
 * page's events are compared as they came: which element sent each one, for which call, with which code.
 */

/** Short, so that a timeout costs little: the fault matrix checks the default's behaviour. */
const TIMEOUT_MS = 250;

let received: ReturnType<typeof receivedEvents<'lead-registration-error'>>;
/** The paths this page's backend requested, in order. */
let requested: string[] = [];

beforeEach(async () => {
  await startMockApi({ state: { registrations: makeRegistrations(3) } });
  requested = [];
  received = receivedEvents(['lead-registration-error']);
});

afterEach(() => {
  received.stop();
  openGates();
  worker.resetHandlers();
});

function backend(): RestBackend {
  const recordingFetch: typeof fetch = (input, init) => {
    requested.push(new URL(input instanceof Request ? input.url : input).pathname.slice(api.baseUrl.length));
    return fetch(input, init);
  };
  return new RestBackend({ baseUrl: api.baseUrl, timeoutMs: TIMEOUT_MS, fetch: recordingFetch });
}

/** An event as a host's telemetry would count it: the element (with its id), the call, the code. */
function described({ target, detail }: ReceivedEvent<'lead-registration-error'>): string {
  const element = target as Element;
  return `${element.localName}${element.id ? `#${element.id}` : ''} ${detail.operation} ${detail.error.code}`;
}

/** A failed read is tried once more after a 503 or a network failure (docs/faults.md). */
const triesOf = (fault: Fault): number => (fault.name === '503' || fault.code === 'network' ? 2 : 1);

async function meterFailed(meter: CapacityMeterElement, fault: Fault): Promise<void> {
  const expected = `Your capacity could not be loaded. ${new CapacityError(fault.code!).message} Retry`;
  await eventually(
    () => textOf(meter.shadowRoot) === expected,
    () => `the meter shows “${textOf(meter.shadowRoot)}”, not “${expected}”`,
  );
}

describe('one lead-registration-error per failed call, however many elements show it', function () {
  this.timeout(5000);

  for (const fault of FAILURES) {
    it(`a card and a meter, the API failing with ${fault.name}: one event for the card’s read, one for the meter’s`, async () => {
      const held = gate();
      worker.use(faultHandler('GET', '/contact-view', fault, held), faultHandler('GET', '/capacity', fault, held));
      const shared = backend();
      const page = await fixture<HTMLElement>(html`
        <div>
          <capacity-meter .backend=${shared}></capacity-meter>
          <lead-registration-card .backend=${shared} contact-id="c-1" website="example.com"></lead-registration-card>
        </div>
      `);
      const card = page.querySelector<LeadRegistrationCardElement>('lead-registration-card')!;
      const meter = page.querySelector<CapacityMeterElement>('capacity-meter')!;
      await cardShows(card, 'Registration not loaded');
      await meterFailed(meter, fault);

      // The meter waited for the card's read, whose answer would have carried the capacity, then read it itself.
      expect(requested).to.deep.equal([
        ...Array<string>(triesOf(fault)).fill('/contact-view'),
        ...Array<string>(triesOf(fault)).fill('/capacity'),
      ]);
      expect(received.events.map(described)).to.deep.equal([
        `lead-registration-card getContactView ${fault.code}`,
        `capacity-meter getCapacity ${fault.code}`,
      ]);
    });

    it(`two meters sharing one capacity read, failing with ${fault.name}: one event, from the meter that asked first`, async () => {
      worker.use(faultHandler('GET', '/capacity', fault, gate()));
      const shared = backend();
      const page = await fixture<HTMLElement>(html`
        <div>
          <capacity-meter id="nav" compact .backend=${shared}></capacity-meter>
          <capacity-meter id="sidebar" .backend=${shared}></capacity-meter>
        </div>
      `);
      const [nav, sidebar] = page.querySelectorAll<CapacityMeterElement>('capacity-meter');
      await meterFailed(sidebar, fault);
      await eventually(
        () => textOf(nav.shadowRoot) === 'Capacity unavailable. Retry',
        () => `the compact meter shows “${textOf(nav.shadowRoot)}”`,
      );

      expect(requested).to.deep.equal(Array<string>(triesOf(fault)).fill('/capacity'));
      expect(received.events.map(described)).to.deep.equal([`capacity-meter#nav getCapacity ${fault.code}`]);
    });
  }
});
