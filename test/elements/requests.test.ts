import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http } from 'msw';
import { api, startMockApi, worker } from '../../mocks/browser.js';
import '../../src/define.js';
import type { CapacityManagerElement } from '../../src/elements/capacity-manager/capacity-manager.js';
import type { CapacityMeterElement } from '../../src/elements/capacity-meter/capacity-meter.js';
import type { LeadRegistrationCardElement } from '../../src/elements/lead-registration-card/lead-registration-card.js';
import { cardShows, registerButton } from '../helpers/card.js';
import { $, confirmationOf, meterSummary, panelReady, rowCheckbox, settled } from '../helpers/capacity-manager.js';
import { makeRegistrations } from '../helpers/registrations.js';

// What a host page costs its API (docs/contract.md#one-request-per-contact-view): one read per
// contact shown, and a registration or a deregistration costs its POST alone, whatever else the
// page shows. Every request the page sends to the mock API is recorded, in order.

type Card = LeadRegistrationCardElement;

const CARDS = 20;
/** Contact 1 and 2 share a domain; every other contact has one of its own. */
const website = (n: number): string => (n <= 2 ? 'https://shared.example' : `https://contact-${n}.example`);

let requests: string[] = [];

beforeEach(async () => {
  await startMockApi({ state: { registrations: makeRegistrations(10) } });
  requests = [];
  worker.use(
    http.all(`${api.baseUrl}/*`, ({ request }) => {
      const url = new URL(request.url);
      requests.push(`${request.method} ${url.pathname.slice(api.baseUrl.length)}`);
      return undefined; // on to the mock API
    }),
  );
});

afterEach(() => worker.resetHandlers());

async function hostPage(): Promise<{ cards: Card[]; meter: CapacityMeterElement; manager: CapacityManagerElement }> {
  const page = await fixture<HTMLElement>(html`
    <capacity-provider api-base=${api.baseUrl}>
      <capacity-meter></capacity-meter>
      <capacity-manager></capacity-manager>
      ${Array.from(
        { length: CARDS },
        (_, index) =>
          html`<lead-registration-card
            contact-id=${`c-${index + 1}`}
            website=${website(index + 1)}
            contact-name=${`Contact ${index + 1}`}
          ></lead-registration-card>`,
      )}
    </capacity-provider>
  `);
  const cards = [...page.querySelectorAll<Card>('lead-registration-card')];
  const meter = page.querySelector<CapacityMeterElement>('capacity-meter')!;
  await Promise.all(cards.map((card) => cardShows(card, 'Not registered')));
  await waitUntil(() => meterSummary(meter) === '10 of 50 domains used', 'the meter shows the capacity');
  return { cards, meter, manager: page.querySelector<CapacityManagerElement>('capacity-manager')! };
}

describe('requests of a host page with 20 cards, a meter and a manager under one provider', () => {
  it('one read per contact shown, and none of the meter’s own: the cards’ answers carry the capacity', async () => {
    await hostPage();
    expect(requests).to.deep.equal(Array.from({ length: CARDS }, () => 'GET /contact-view'));
  });

  it('a registration costs its POST alone: every card and the meter follow its answer', async () => {
    const { cards, meter } = await hostPage();
    requests = [];
    registerButton(cards[0]).click();
    await cardShows(cards[0], 'Registered');
    await cardShows(cards[1], 'Registered through another contact');
    await waitUntil(() => meterSummary(meter) === '11 of 50 domains used', 'the meter follows');
    await Promise.all(cards.map((card) => card.updateComplete));
    expect(requests).to.deep.equal(['POST /registrations']);
  });

  it('a deregistration in the manager costs its POST, and the manager’s own page, alone: no card reads again', async () => {
    const { cards, meter, manager } = await hostPage();
    registerButton(cards[0]).click();
    await cardShows(cards[1], 'Registered through another contact');

    const opened = oneEvent(manager, 'capacity-manager-open');
    manager.show();
    await opened;
    const panel = await panelReady(manager);
    await settled(panel);
    requests = [];
    rowCheckbox(panel, 'shared.example').click();
    $(panel, '#deregister').click();
    await waitUntil(() => confirmationOf(panel).open, 'the confirmation opens');
    confirmationOf(panel).querySelector<HTMLButtonElement>('#confirm')!.click();
    await cardShows(cards[0], 'Not registered');
    await cardShows(cards[1], 'Not registered');
    await waitUntil(() => meterSummary(meter) === '10 of 50 domains used', 'the meter follows');
    await settled(panel);
    expect(requests).to.deep.equal(['POST /registrations/deregister', 'GET /registrations']);
  });
});
