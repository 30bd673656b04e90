import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createCapacityApi, startMockApi, worker } from '../../mocks/browser.js';
import type { CapacityBackend } from '../../src/core/types.js';
import { defineElement } from '../../src/define-element.js';
import { CapacityMeterElement } from '../../src/elements/capacity-meter/capacity-meter.js';
import { CapacityProviderElement } from '../../src/elements/capacity-provider/capacity-provider.js';
import { LeadRegistrationCardElement } from '../../src/elements/lead-registration-card/lead-registration-card.js';
import { ControlledBackend, disposeTestBackends, testBackend } from '../helpers/backends.js';
import { meterSummary } from '../helpers/capacity-manager.js';
import { makeRegistrations, registration } from '../helpers/registrations.js';

// What src/define.ts does, except that <capacity-provider> is defined last, in the first test: a page
// where the elements inside a provider upgrade before it does.
defineElement('capacity-meter', CapacityMeterElement);
defineElement('lead-registration-card', LeadRegistrationCardElement);

afterEach(async () => {
  worker.resetHandlers();
  await disposeTestBackends();
});

/** Whether any element fell back to the page's embedded store (src/state/resolve-backend.ts creates it lazily). */
function pageDefaultOpened(): boolean {
  return Symbol.for('lead-registration-widget/default-backend') in globalThis;
}

function summaryOf(meter: Element): string | undefined {
  return meterSummary(meter);
}

async function shows(meter: Element, summary: string): Promise<void> {
  await waitUntil(
    () => summaryOf(meter) === summary,
    `the meter did not show “${summary}” (it shows “${summaryOf(meter) ?? ''}”)`,
  );
}

function cardDomain(card: Element): string {
  return card.shadowRoot?.querySelector('.domain')?.textContent?.trim() ?? '';
}

describe('<capacity-provider> upgrade order', () => {
  it('works when it upgrades after the elements inside it, which wait for it instead of using the page default', async () => {
    expect(customElements.get('capacity-provider'), 'this test needs the provider undefined').to.be.undefined;
    const backend = new ControlledBackend(await testBackend(makeRegistrations(4)));
    const provider = await fixture<HTMLElement>(html`
      <capacity-provider .backend=${backend}>
        <capacity-meter></capacity-meter>
      </capacity-provider>
    `);
    const meter = provider.querySelector<CapacityMeterElement>('capacity-meter')!;
    await meter.updateComplete;
    expect(meter.shadowRoot!.textContent.trim()).to.equal('Loading your capacity…');
    expect(backend.calls, 'nothing read before the provider is there').to.have.length(0);

    defineElement('capacity-provider', CapacityProviderElement);
    await shows(meter, '4 of 50 domains used');
    expect(pageDefaultOpened()).to.be.false;
  });
});

describe('<capacity-provider>', () => {
  before(() => defineElement('capacity-provider', CapacityProviderElement));

  it('gives its backend to every element inside, in light DOM and in shadow roots, without a box of its own', async () => {
    const backend = await testBackend(makeRegistrations(7), { tier: 'gold' });
    const provider = await fixture<CapacityProviderElement>(html`
      <capacity-provider .backend=${backend}>
        <capacity-meter></capacity-meter>
        <div id="host"></div>
      </capacity-provider>
    `);
    const nested = document.createElement('capacity-meter');
    provider.querySelector('#host')!.attachShadow({ mode: 'open' }).append(nested);
    await shows(provider.querySelector('capacity-meter')!, '7 of 500 domains used');
    await shows(nested, '7 of 500 domains used');
    expect(getComputedStyle(provider).display).to.equal('contents');
    // What is inside it is rendered, where the page put it: through its one default slot.
    const inside = provider.querySelector('capacity-meter')!;
    expect(inside.checkVisibility(), 'the meter inside is rendered').to.be.true;
    expect(inside.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(inside.assignedSlot?.name, 'in the default slot').to.equal('');
    expect(pageDefaultOpened(), 'the elements never opened the page default while the provider rendered').to.be.false;
  });

  it('makes a REST backend of its api-base, shared with elements that name the same URL', async () => {
    const api = createCapacityApi({ baseUrl: '/api-provider' });
    api.reset({ tier: 'silver', registrations: makeRegistrations(20) });
    worker.use(...api.handlers);
    await startMockApi();
    const page = await fixture<HTMLElement>(html`
      <div>
        <capacity-provider api-base="/api-provider/">
          <lead-registration-card contact-id="new-contact" website="new.example"></lead-registration-card>
        </capacity-provider>
        <capacity-meter api-base=${`${location.origin}/api-provider`}></capacity-meter>
      </div>
    `);
    const meter = page.querySelector('capacity-meter')!;
    const card = page.querySelector('lead-registration-card')!;
    await shows(meter, '20 of 500 domains used');
    await waitUntil(() => card.shadowRoot!.querySelector('#register'), 'the card offers Register');
    card.shadowRoot!.querySelector<HTMLButtonElement>('#register')!.click();
    await shows(meter, '21 of 500 domains used');
    expect(api.ledger.byContact('new-contact')?.domain).to.equal('new.example');
  });

  it('yields to an element’s own backend or api-base, and to a nearer provider', async () => {
    const outer = await testBackend(makeRegistrations(1));
    const inner = await testBackend(makeRegistrations(2));
    const own = await testBackend(makeRegistrations(3));
    const page = await fixture<HTMLElement>(html`
      <capacity-provider .backend=${outer}>
        <capacity-meter id="outer"></capacity-meter>
        <capacity-meter id="own" .backend=${own}></capacity-meter>
        <capacity-provider .backend=${inner}>
          <capacity-meter id="inner"></capacity-meter>
        </capacity-provider>
      </capacity-provider>
    `);
    await shows(page.querySelector('#outer')!, '1 of 50 domains used');
    await shows(page.querySelector('#inner')!, '2 of 50 domains used');
    await shows(page.querySelector('#own')!, '3 of 50 domains used');
  });

  it('moves every element inside to a new backend when the host changes it', async () => {
    const first = await testBackend([registration({ domain: 'first.example', contactId: 'c' })]);
    const second = await testBackend([
      registration({ domain: 'second.example', contactId: 'c' }),
      ...makeRegistrations(4),
    ]);
    const provider = await fixture<CapacityProviderElement>(html`
      <capacity-provider .backend=${first}>
        <capacity-meter></capacity-meter>
        <lead-registration-card contact-id="c"></lead-registration-card>
      </capacity-provider>
    `);
    const meter = provider.querySelector('capacity-meter')!;
    const card = provider.querySelector('lead-registration-card')!;
    await shows(meter, '1 of 50 domains used');
    await waitUntil(() => cardDomain(card) === 'first.example');
    provider.backend = second;
    await shows(meter, '5 of 50 domains used');
    await waitUntil(() => cardDomain(card) === 'second.example');
  });

  it('shows its own configuration mistake on the elements inside instead of using the page default', async () => {
    const error = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => void logged.push(args[0]);
    try {
      const provider = await fixture<CapacityProviderElement>(html`
        <capacity-provider api-base="javascript:alert(1)">
          <capacity-meter></capacity-meter>
          <lead-registration-card contact-id="c"></lead-registration-card>
        </capacity-provider>
      `);
      const meter = provider.querySelector('capacity-meter')!;
      const card = provider.querySelector('lead-registration-card')!;
      await meter.updateComplete;
      await card.updateComplete;
      const message = 'The api-base “javascript:alert(1)” must be an http or https URL.';
      expect(meter.shadowRoot!.textContent).to.contain(message);
      expect(card.shadowRoot!.textContent).to.contain(message);
      await expect(card).to.be.accessible();

      const notABackend = { getCapacity: () => Promise.resolve() } as unknown as CapacityBackend;
      provider.backend = notABackend;
      await waitUntil(() => meter.shadowRoot!.textContent.includes('It must implement CapacityBackend.'));
    } finally {
      console.error = error;
    }
    expect(logged.length, 'the mistake is logged for the developer too').to.be.greaterThan(0);
    expect(pageDefaultOpened()).to.be.false;
  });
});
