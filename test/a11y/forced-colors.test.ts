import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { CapacityMeterElement } from '../../src/elements/capacity-meter/capacity-meter.js';
import type { LeadRegistrationCardElement } from '../../src/elements/lead-registration-card/lead-registration-card.js';
import { disposeTestBackends, testBackend } from '../helpers/backends.js';
import { $, openManager } from '../helpers/capacity-manager.js';
import { emulateForcedColors } from '../helpers/input-emulation.js';
import { makeRegistrations } from '../helpers/registrations.js';

/*
 * Issue 13, item 4: under forced colours (Windows contrast themes, emulated in Chromium) the meter's
 * bar stays drawn at every level, 90 % and 100 % included, and a disabled button looks disabled
 * (the system's GrayText), not like the enabled ones.
 */

beforeEach(() => emulateForcedColors(true));

afterEach(async () => {
  await emulateForcedColors(false);
  await disposeTestBackends();
});

/** What `color` (a system colour) computes to in the theme the emulation gives. */
function systemColor(color: string): string {
  const probe = document.createElement('div');
  probe.style.color = color;
  document.body.append(probe);
  const computed = getComputedStyle(probe).color;
  probe.remove();
  return computed;
}

describe('forced colours', () => {
  it('are emulated', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    expect(systemColor('CanvasText'), 'CanvasText and Canvas differ').to.not.equal(systemColor('Canvas'));
  });

  for (const { used, level } of [
    { used: 10, level: 'ok' },
    { used: 45, level: 'nearly full (90 %)' },
    { used: 50, level: 'full' },
  ]) {
    it(`the meter's bar is drawn in CanvasText when ${level}`, async () => {
      const backend = await testBackend(makeRegistrations(used));
      const meter = await fixture<CapacityMeterElement>(html`<capacity-meter .backend=${backend}></capacity-meter>`);
      await waitUntil(() => meter.shadowRoot!.querySelector('[role="meter"]'), 'the meter did not load');
      const indicator = meter.shadowRoot!.querySelector('.indicator')!;
      const track = meter.shadowRoot!.querySelector('.track')!;
      expect(indicator.getBoundingClientRect().width, 'the bar has its width').to.be.above(0);
      const bar = getComputedStyle(indicator).backgroundColor;
      expect(bar).to.equal(systemColor('CanvasText'));
      expect(bar, 'the bar stands out from its track').to.not.equal(getComputedStyle(track).backgroundColor);
    });
  }

  it('a disabled button is drawn in GrayText, an enabled one is not: the card', async () => {
    const backend = await testBackend(makeRegistrations(50));
    const card = await fixture<LeadRegistrationCardElement>(
      html`<lead-registration-card
        .backend=${backend}
        contact-id="c-1"
        website="example.com"
      ></lead-registration-card>`,
    );
    await waitUntil(() => card.shadowRoot!.querySelector('.reason'), 'the card did not say the capacity is full');
    const register = card.shadowRoot!.querySelector('#register')!;
    expect(register.getAttribute('aria-disabled')).to.equal('true');
    expect(getComputedStyle(register).color).to.equal(systemColor('GrayText'));
    expect(getComputedStyle(register).borderTopColor).to.equal(systemColor('GrayText'));
  });

  it('a disabled button is drawn in GrayText, an enabled one is not: the manager', async () => {
    const { panel } = await openManager(await testBackend(makeRegistrations(30)));
    const gray = systemColor('GrayText');
    const disabled = [$(panel, '#deregister'), $(panel, '.pages button[title="First page"]')];
    const enabled = $(panel, '.pages button[title="Next page"]');
    for (const button of disabled) {
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(getComputedStyle(button).color, button.textContent.trim() || button.title).to.equal(gray);
    }
    expect(enabled.getAttribute('aria-disabled')).to.equal('false');
    expect(getComputedStyle(enabled).color, 'an enabled button').to.not.equal(gray);
  });
});
