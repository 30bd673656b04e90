import { expect, fixture, html } from '@open-wc/testing';
import { http, type HttpHandler } from 'msw';
import { api, startMockApi, worker } from '../../mocks/browser.js';
import { RestBackend } from '../../src/backends/rest-backend.js';
import { CapacityError } from '../../src/core/errors.js';
import '../../src/define.js';
import type { CapacityMeterElement } from '../../src/elements/capacity-meter/capacity-meter.js';
import type { LeadRegistrationCardElement } from '../../src/elements/lead-registration-card/lead-registration-card.js';
import { cardShows } from '../helpers/card.js';
import { textOf } from '../helpers/dom.js';
import { receivedEvents, type ReceivedEvent } from '../helpers/events.js';
import { FAILURES, faultyAnswer, gate, openGates, type Fault } from '../helpers/faults.js';
import { makeRegistrations } from '../helpers/registrations.js';
import { eventually } from '../helpers/wait.js';

/*
 * Issue 17: one failed backend call is one `lead-registration-error`, however many elements show the
 * failure (docs/contract.md#events). On the usual host page, a card beside a <capacity-meter>, a failed
 * capacity read once reached the host twice, with every fault, and the fault matrix did not see it: it
 * folded the events into a Set before comparing. Here the API fails in each of the seven ways and each
 * page's events are compared as they came: which element sent each one, for which call, with which code.
 *
 * The seven pages are shown side by side, each in a section of its own on a RestBackend of its own whose
 * requests name their fault (a header the mock API answers by), so that their waits (a timeout, the pause
 * before a retry) run at the same time. What a section hears is what a page with that fault would hear.
 */

/** Short, so that a timeout costs little: the fault matrix checks the default's behaviour. */
const TIMEOUT_MS = 250;
const FAULT_HEADER = 'X-Test-Fault';

interface Page {
  fault: Fault;
  section: HTMLElement;
  /** The paths its backend requested, in order. */
  requested: string[];
  /** The lead-registration-error events of its elements, as they came. */
  received: () => string[];
}

let received: ReturnType<typeof receivedEvents<'lead-registration-error'>>;

beforeEach(async () => {
  await startMockApi({ state: { registrations: makeRegistrations(3) } });
  received = receivedEvents(['lead-registration-error']);
});

afterEach(() => {
  received.stop();
  openGates();
  worker.resetHandlers();
});

/** The API answers each request to `paths` with the fault it names. */
function failing(...paths: string[]): HttpHandler[] {
  const held = gate();
  return paths.map((path) =>
    http.get(`${api.baseUrl}${path}`, ({ request }) => {
      const fault = FAILURES.find((each) => each.name === request.headers.get(FAULT_HEADER));
      if (!fault) throw new Error(`${request.url} names no fault`);
      return faultyAnswer('GET', request, fault, held);
    }),
  );
}

function backendFor(fault: Fault, requested: string[]): RestBackend {
  const recordingFetch: typeof fetch = (input, init) => {
    requested.push(new URL(input instanceof Request ? input.url : input).pathname.slice(api.baseUrl.length));
    return fetch(input, init);
  };
  return new RestBackend({
    baseUrl: api.baseUrl,
    timeoutMs: TIMEOUT_MS,
    headers: { [FAULT_HEADER]: fault.name },
    fetch: recordingFetch,
  });
}

/** One section per fault, each showing `content` on a backend of its own. */
async function pagePerFault(content: (backend: RestBackend) => unknown): Promise<Page[]> {
  const requested = FAILURES.map((): string[] => []);
  const root = await fixture<HTMLElement>(html`
    <div>
      ${FAILURES.map((fault, index) => html`<section>${content(backendFor(fault, requested[index]))}</section>`)}
    </div>
  `);
  return FAILURES.map((fault, index) => {
    const section = root.children[index] as HTMLElement;
    const ofSection = (): string[] =>
      received.events.filter(({ target }) => section.contains(target as Node)).map(described);
    return { fault, section, requested: requested[index], received: ofSection };
  });
}

/** An event as a host's telemetry would count it: the element (with its id), the call, the code. */
function described({ target, detail }: ReceivedEvent<'lead-registration-error'>): string {
  const element = target as Element;
  return `${element.localName}${element.id ? `#${element.id}` : ''} ${detail.operation} ${detail.error.code}`;
}

/** A failed read is tried once more after a 503 or a network failure (docs/faults.md). */
const triesOf = (fault: Fault): number => (fault.name === '503' || fault.code === 'network' ? 2 : 1);

async function meterFailed(meter: CapacityMeterElement, fault: Fault): Promise<void> {
  const expected = meter.compact
    ? 'Capacity unavailable. Retry'
    : `Your capacity could not be loaded. ${new CapacityError(fault.code!).message} Retry`;
  await eventually(
    () => textOf(meter.shadowRoot) === expected,
    () => `${fault.name}: the meter shows “${textOf(meter.shadowRoot)}”, not “${expected}”`,
  );
}

describe('one lead-registration-error per failed call, however many elements show it', () => {
  it('a card and a meter, the API failing with 500, 503, 401, 403, timeout, network down, malformed JSON: one event for the card’s read, one for the meter’s', async () => {
    worker.use(...failing('/contact-view', '/capacity'));
    // The meter is rendered first, as in a navigation bar above the record.
    const shown = await pagePerFault(
      (backend) => html`
        <capacity-meter .backend=${backend}></capacity-meter>
        <lead-registration-card .backend=${backend} contact-id="c-1" website="example.com"></lead-registration-card>
      `,
    );
    // Every read has failed and been shown: what each call reports, it has reported.
    for (const { fault, section } of shown) {
      await cardShows(
        section.querySelector<LeadRegistrationCardElement>('lead-registration-card')!,
        'Registration not loaded',
      );
      await meterFailed(section.querySelector<CapacityMeterElement>('capacity-meter')!, fault);
    }
    for (const { fault, requested, received: heard } of shown) {
      // The meter waited for the card's read, whose answer would have carried the capacity, then read it itself.
      expect(requested, fault.name).to.deep.equal([
        ...Array<string>(triesOf(fault)).fill('/contact-view'),
        ...Array<string>(triesOf(fault)).fill('/capacity'),
      ]);
      expect(heard(), fault.name).to.deep.equal([
        `lead-registration-card getContactView ${fault.code}`,
        `capacity-meter getCapacity ${fault.code}`,
      ]);
    }
  });

  it('two meters sharing one capacity read, failing with each fault: one event, from the meter that asked first', async () => {
    worker.use(...failing('/capacity'));
    const shown = await pagePerFault(
      (backend) => html`
        <capacity-meter id="nav" compact .backend=${backend}></capacity-meter>
        <capacity-meter id="sidebar" .backend=${backend}></capacity-meter>
      `,
    );
    for (const { fault, section } of shown) {
      for (const meter of section.querySelectorAll<CapacityMeterElement>('capacity-meter'))
        await meterFailed(meter, fault);
    }
    for (const { fault, requested, received: heard } of shown) {
      expect(requested, fault.name).to.deep.equal(Array<string>(triesOf(fault)).fill('/capacity'));
      expect(heard(), fault.name).to.deep.equal([`capacity-meter#nav getCapacity ${fault.code}`]);
    }
  });
});
