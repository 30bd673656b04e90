import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { api, startMockApi } from '../../mocks/browser.js';
import { CapacityError } from '../../src/core/errors.js';
import type { CapacityBackend } from '../../src/core/types.js';
import '../../src/define.js';
import type { CapacityMeterElement } from '../../src/elements/capacity-meter/capacity-meter.js';
import { ControlledBackend, disposeTestBackends, registerOnPage, testBackend } from '../helpers/backends.js';
import { nextEvent } from '../helpers/events.js';
import { capacity as capacityOf, makeRegistrations } from '../helpers/registrations.js';

afterEach(disposeTestBackends);

function meterOf(el: CapacityMeterElement): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>('[role="meter"]');
}

/** The text a person sees, whitespace collapsed. */
function text(el: CapacityMeterElement): string {
  return (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function shown(el: CapacityMeterElement): Promise<HTMLElement> {
  await waitUntil(() => meterOf(el), 'the meter shows the capacity');
  return meterOf(el)!;
}

async function meterOn(backend: CapacityBackend, compact = false): Promise<CapacityMeterElement> {
  return fixture<CapacityMeterElement>(html`<capacity-meter .backend=${backend} ?compact=${compact}></capacity-meter>`);
}

describe('<capacity-meter>', () => {
  it('shows domains used of the limit and the tier, as a meter with an accessible name and value text', async () => {
    const el = await meterOn(await testBackend(makeRegistrations(134), { tier: 'gold' }));
    const meter = await shown(el);
    expect(text(el)).to.contain('134 of 500 domains used');
    expect(text(el)).to.contain('Gold partner');
    expect(meter.getAttribute('aria-valuemin')).to.equal('0');
    expect(meter.getAttribute('aria-valuemax')).to.equal('500');
    expect(meter.getAttribute('aria-valuenow')).to.equal('134');
    expect(meter.getAttribute('aria-valuetext')).to.equal('134 of 500 domains used');
    const label = el.shadowRoot!.getElementById(meter.getAttribute('aria-labelledby')!)!;
    expect(label.textContent).to.equal('Registration capacity');
    expect(el.shadowRoot!.querySelector('.warning')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('more used than the limit (after a downgrade): said as it is, full; the bar and its value stop at the limit', async () => {
    const capacity = capacityOf('untiered', 50, 62);
    const over: CapacityBackend = {
      getCapacity: () => Promise.resolve(capacity),
      getContactView: () => Promise.reject(new Error('not called')),
      listRegistrations: () => Promise.reject(new Error('not called')),
      register: () => Promise.reject(new Error('not called')),
      deregister: () => Promise.reject(new Error('not called')),
    };
    const el = await meterOn(over);
    const meter = await shown(el);
    expect(text(el)).to.contain('62 of 50 domains used');
    expect(text(el)).to.contain('Capacity full');
    expect(meter.getAttribute('aria-valuenow')).to.equal('50');
    expect(meter.getAttribute('aria-valuetext')).to.equal('62 of 50 domains used');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLElement>('.indicator')!.style.width).to.equal('100%');
    await expect(el).to.be.accessible();
  });

  it('shows a loading state until the capacity is read', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(3)));
    backend.hold.add('getCapacity');
    const el = await meterOn(backend);
    const call = await backend.nextHeld();
    expect(meterOf(el)).to.be.null;
    expect(text(el)).to.equal('Loading your capacity…');
    await expect(el).to.be.accessible();
    call.proceed();
    await shown(el);
    expect(text(el)).to.contain('3 of 50 domains used');
  });

  it('warns in words, not colour alone, at 90 % of the limit', async () => {
    const el = await meterOn(await testBackend(makeRegistrations(45)));
    const meter = await shown(el);
    const warning = el.shadowRoot!.querySelector('.warning')!;
    expect(warning.textContent.trim()).to.equal('Nearly full: 5 domains left.');
    expect(meter.getAttribute('aria-describedby')).to.equal(warning.id);
    expect(el.shadowRoot!.querySelector('.meter')!.classList.contains('nearly-full')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('notes how many registrations expire within 30 days, beside the warning, and not when compact', async () => {
    const DAY_MS = 86_400_000;
    const inDays = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString();
    const rows = makeRegistrations(46).map((row, index) => ({ ...row, expiresAt: inDays(index < 3 ? 10 : 60) }));
    const policy = { termDays: 90, renewalWindowDays: 30, maxRenewals: null, review: false };
    const backend = await testBackend(rows, { policy });
    const el = await meterOn(backend);
    const meter = await shown(el);
    const expiring = el.shadowRoot!.querySelector('.expiring')!;
    expect(expiring.textContent.trim()).to.equal('3 expire within 30 days.');
    expect(meter.getAttribute('aria-describedby')).to.equal('warning expiring');
    await expect(el).to.be.accessible();
    await backend.replaceAll(rows.map((row, index) => (index === 0 ? row : { ...row, expiresAt: null })));
    await waitUntil(
      () => el.shadowRoot!.querySelector('.expiring')?.textContent.trim() === '1 expires within 30 days.',
    );
    const compact = await meterOn(backend, true);
    await shown(compact);
    expect(compact.shadowRoot!.querySelector('.expiring')).to.equal(null);
  });

  it('says so at the limit', async () => {
    const el = await meterOn(await testBackend(makeRegistrations(50)));
    await shown(el);
    expect(el.shadowRoot!.querySelector('.warning')!.textContent.trim()).to.equal(
      'Capacity full: deregister prospects to register new ones.',
    );
    expect(el.shadowRoot!.querySelector('.meter')!.classList.contains('full')).to.be.true;
    const indicator = el.shadowRoot!.querySelector<HTMLElement>('[part="indicator"]')!;
    expect(indicator.style.width).to.equal('100%');
    await expect(el).to.be.accessible();
  });

  it('shows an error with Retry when the capacity cannot be read, and tells the host', async () => {
    const backend = new ControlledBackend(await testBackend(makeRegistrations(7)));
    backend.failNext('getCapacity', new CapacityError('network'));
    const failed = nextEvent(document, 'lead-registration-error');
    const el = await meterOn(backend);
    const event = await failed;
    expect(event.detail.error.code).to.equal('network');
    expect(event.target === el, 'dispatched by the meter').to.be.true;
    await el.updateComplete;
    expect(text(el)).to.contain('Your capacity could not be loaded.');
    expect(text(el)).to.contain(new CapacityError('network').message);
    await expect(el).to.be.accessible();

    el.shadowRoot!.querySelector<HTMLButtonElement>('.error button')!.click();
    await shown(el);
    expect(text(el)).to.contain('7 of 50 domains used');
  });

  it('fits a navigation bar when compact: one line where there is room, wrapping where there is not', async () => {
    const backend = await testBackend(makeRegistrations(46), { tier: 'untiered' });
    const nav = await fixture<HTMLElement>(html`
      <nav style="display: flex; align-items: center; gap: 1rem">
        <a href="#contacts">Contacts</a>
        <capacity-meter compact .backend=${backend}></capacity-meter>
      </nav>
    `);
    const el = nav.querySelector<CapacityMeterElement>('capacity-meter')!;
    const meter = await shown(el);
    expect(text(el)).to.equal('Capacity 46 of 50 Untiered Nearly full');
    expect(meter.getAttribute('aria-valuetext')).to.equal('46 of 50 domains used');
    const lineOf = (selector: string): number => el.shadowRoot!.querySelector(selector)!.getBoundingClientRect().bottom;
    expect(lineOf('.warning'), 'one line in a shrink-to-fit navigation').to.be.closeTo(lineOf('.label'), 4);
    await expect(el).to.be.accessible();

    nav.style.width = '200px';
    expect(el.getBoundingClientRect().right, 'wraps rather than overflowing a narrow bar').to.be.at.most(
      nav.getBoundingClientRect().right,
    );
  });

  it('updates, with capacity-change, when a registration is made through another element', async () => {
    const backend = await testBackend(makeRegistrations(2));
    const el = await meterOn(backend);
    await shown(el);
    const changed = nextEvent(el, 'capacity-change');
    await registerOnPage(backend, { contactId: 'c-new', website: 'new.example' });
    const event = await changed;
    expect(event.detail.capacity).to.deep.equal(capacityOf('untiered', 50, 3));
    expect(event.bubbles && event.composed).to.be.true;
    await el.updateComplete;
    expect(meterOf(el)!.getAttribute('aria-valuetext')).to.equal('3 of 50 domains used');
  });

  it('fires no event when the host sets its properties', async () => {
    const events: string[] = [];
    const record = (event: Event): number => events.push(event.type);
    for (const type of ['capacity-change', 'lead-registration-error']) document.addEventListener(type, record);
    try {
      const first = await testBackend(makeRegistrations(1));
      const second = await testBackend(makeRegistrations(9));
      const el = await meterOn(first);
      await shown(el);
      el.backend = second;
      await waitUntil(() => text(el).includes('9 of 50'), 'the meter shows the new backend');
      el.compact = true;
      await el.updateComplete;
    } finally {
      for (const type of ['capacity-change', 'lead-registration-error']) document.removeEventListener(type, record);
    }
    expect(events).to.deep.equal([]);
  });

  it('reads a REST backend at its api-base', async () => {
    await startMockApi({ state: { tier: 'diamond', seedCount: 12 } });
    const el = await fixture<CapacityMeterElement>(html`<capacity-meter api-base=${api.baseUrl}></capacity-meter>`);
    await shown(el);
    expect(text(el)).to.contain('12 of 1,000 domains used');
    expect(text(el)).to.contain('Diamond partner');
  });

  it('names a configuration mistake on the element', async () => {
    const el = await fixture<CapacityMeterElement>(
      html`<capacity-meter api-base="ftp://example.com/api"></capacity-meter>`,
    );
    expect(text(el)).to.contain('must be an http or https URL');
    await expect(el).to.be.accessible();
  });
});
