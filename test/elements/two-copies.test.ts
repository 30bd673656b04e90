import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createCapacityApi, startMockApi, worker } from '../../mocks/browser.js';
import * as widget from '../../src/index.js';
import { bodyOf, cardShows, registerButton } from '../helpers/card.js';
import { nextEvent } from '../helpers/events.js';
import { meterSummary } from '../helpers/capacity-manager.js';
import { makeRegistrations } from '../helpers/registrations.js';

/*
 * Issue 12, item 2: two copies of the package on one page (a micro-frontend with its own, a bundle that imports
 * RestBackend beside the script tag). The sources are the first copy and define the elements; the second is another
 * build of them, lit included, served by web-test-runner.config.mjs. The host's backend and its errors come from the
 * second copy, the elements from the first: a CapacityError is recognised by its brand, not by its class.
 */

const SECOND_COPY_URL = '/__second-copy__/lead-registration-widget.js';
const other = (await import(SECOND_COPY_URL)) as typeof widget;

afterEach(() => worker.resetHandlers());

describe('two copies of the package on one page', () => {
  it('the second copy defines nothing: the elements are the first copy’s, its classes are others', () => {
    expect(customElements.get('lead-registration-card')).to.equal(widget.LeadRegistrationCardElement);
    expect(other.CapacityError).not.to.equal(widget.CapacityError);
    expect(other.RestBackend).not.to.equal(widget.RestBackend);
  });

  it('CapacityError.is and instanceof recognise an error of either copy, and nothing else', () => {
    const theirs = new other.CapacityError('capacity-exceeded');
    const ours = new widget.CapacityError('server');
    expect(widget.CapacityError.is(theirs)).to.be.true;
    expect(theirs instanceof widget.CapacityError).to.be.true;
    expect(other.CapacityError.is(ours)).to.be.true;
    expect(ours instanceof other.CapacityError).to.be.true;
    expect(widget.CapacityError.from(theirs)).to.equal(theirs);
    for (const value of [new Error('x'), { code: 'server', message: 'x' }, null, undefined, 'server']) {
      expect(widget.CapacityError.is(value), JSON.stringify(value)).to.be.false;
      expect(value instanceof widget.CapacityError, JSON.stringify(value)).to.be.false;
    }
    // A subclass keeps the usual meaning of instanceof.
    class ParticularError extends widget.CapacityError {}
    expect(ours instanceof ParticularError).to.be.false;
    expect(new ParticularError('server') instanceof ParticularError).to.be.true;
  });

  it('a full capacity answered to the other copy’s RestBackend: capacity full, no Retry, its capacity taken', async () => {
    const api = createCapacityApi({ baseUrl: '/api-two-copies' });
    api.reset({ registrations: makeRegistrations(49) });
    worker.use(...api.handlers);
    await startMockApi();
    const backend = new other.RestBackend({ baseUrl: api.baseUrl });
    const page = await fixture<HTMLElement>(html`
      <div>
        <capacity-meter .backend=${backend}></capacity-meter>
        <lead-registration-card .backend=${backend} contact-id="c-new" website="new.example"></lead-registration-card>
      </div>
    `);
    const card = page.querySelector('lead-registration-card')!;
    const meter = page.querySelector('capacity-meter')!;
    await cardShows(card, 'Not registered');
    await waitUntil(() => meterSummary(meter) === '49 of 50 domains used', 'the meter shows the capacity');
    // Another user filled the capacity meanwhile: the POST is answered 409 capacity-exceeded, with the capacity.
    api.reset({ registrations: makeRegistrations(50) });
    const failed = nextEvent(card, 'lead-registration-error');
    registerButton(card).click();
    const { detail } = await failed;
    expect(detail.error.code).to.equal('capacity-exceeded');
    expect(detail.error).to.be.instanceOf(other.CapacityError);
    await waitUntil(() => meterSummary(meter) === '50 of 50 domains used', 'the meter takes the error’s capacity');
    await waitUntil(() => bodyOf(card).includes('Your capacity is full (50 of 50 domains used).'), bodyOf(card));
    expect(bodyOf(card)).not.to.contain('had a problem');
    expect(registerButton(card).textContent.trim()).to.equal('Register');
    expect(registerButton(card).getAttribute('aria-disabled')).to.equal('true');
  });
});
