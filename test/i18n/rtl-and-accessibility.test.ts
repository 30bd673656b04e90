import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CapacityBackend } from '../../src/core/types.js';
import '../../src/define.js';
import type { CapacityManagerElement } from '../../src/elements/capacity-manager/capacity-manager.js';
import type { CapacityMeterElement } from '../../src/elements/capacity-meter/capacity-meter.js';
import type { LeadRegistrationCardElement } from '../../src/elements/lead-registration-card/lead-registration-card.js';
import { disposeTestBackends, testBackend } from '../helpers/backends.js';
import { $, $$, confirmationOf, panelOf, panelReady, rows, settled } from '../helpers/capacity-manager.js';
import { q, unisolated } from '../helpers/dom.js';
import { makeRegistrations, registration } from '../helpers/registrations.js';

type Card = LeadRegistrationCardElement;

// Issue 14: the elements in German, Japanese and Arabic (right to left) pass axe in their states, and
// under dir="rtl" the layout mirrors while user data keeps its own direction.

afterEach(() => disposeTestBackends());

async function page(lang: string, dir: string | undefined, backend: CapacityBackend, website = 'northwind.example') {
  const root = await fixture<HTMLElement>(html`
    <main lang=${lang} dir=${dir ?? 'ltr'} style="width: 40rem">
      <lead-registration-card
        .backend=${backend}
        contact-id="contact-1"
        website=${website}
        contact-name="Ada Lovelace"
        company="Northwind Analytics"
        country="UK"
      ></lead-registration-card>
      <capacity-meter .backend=${backend}></capacity-meter>
      <capacity-manager .backend=${backend}></capacity-manager>
    </main>
  `);
  const card = root.querySelector<Card>('lead-registration-card')!;
  const meter = root.querySelector<CapacityMeterElement>('capacity-meter')!;
  const manager = root.querySelector<CapacityManagerElement>('capacity-manager')!;
  await waitUntil(
    () => q(card, '.state') && meter.shadowRoot!.querySelector('[role="meter"]'),
    'the page did not load',
  );
  await card.updateComplete;
  return { root, card, meter, manager };
}

async function openManager(manager: CapacityManagerElement) {
  manager.show();
  const panel = await panelReady(manager);
  await settled(panel);
  return panel;
}

const LANGUAGES = [
  { lang: 'de', dir: undefined, capacityFull: 'Kapazität verwalten' },
  { lang: 'ja', dir: undefined, capacityFull: '登録枠を管理' },
  { lang: 'ar', dir: 'rtl', capacityFull: 'إدارة السعة' },
];

for (const { lang, dir, capacityFull } of LANGUAGES) {
  describe(`in ${lang}${dir ? `, ${dir}` : ''}: axe is silent`, () => {
    it('the card not registered and the meter nearly full', async () => {
      const { root, card } = await page(lang, dir, await testBackend(makeRegistrations(46)));
      expect(q(card, '#register')).to.exist;
      await expect(root).to.be.accessible();
    });

    it('the card at full capacity, with Manage your capacity', async () => {
      const { root, card } = await page(lang, dir, await testBackend(makeRegistrations(50)));
      await waitUntil(() => q(card, '.reason'), 'the card did not say the capacity is full');
      expect([...card.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent.trim())).to.include(
        capacityFull,
      );
      await expect(root).to.be.accessible();
    });

    it('the card registered through another contact', async () => {
      const holder = registration({ domain: 'northwind.example', contactId: 'contact-2', contactName: 'Grace Hopper' });
      const { root, card } = await page(lang, dir, await testBackend([holder]));
      await waitUntil(() => q(card, '.other-contact'), 'the card did not say another contact holds the domain');
      await expect(root).to.be.accessible();
    });

    it('the open manager with a selection, and its confirmation', async () => {
      const { manager } = await page(lang, dir, await testBackend(makeRegistrations(30)));
      const panel = await openManager(manager);
      $$<HTMLInputElement>(panel, 'tbody input[type="checkbox"]')[0].click();
      $$<HTMLInputElement>(panel, 'tbody input[type="checkbox"]')[1].click();
      await panel.updateComplete;
      await expect(panel).to.be.accessible();
      $(panel, '#deregister').click();
      await waitUntil(() => confirmationOf(panel).open, 'the confirmation did not open');
      await expect(panel).to.be.accessible();
    });
  });
}

describe('right to left (Arabic, dir="rtl")', () => {
  it('mirrors the card: the gear at the start of the line, its menu opening from it', async () => {
    const { card } = await page('ar', 'rtl', await testBackend());
    const box = q(card, '.card')!.getBoundingClientRect();
    const gear = q(card, '#gear')!.getBoundingClientRect();
    const title = q(card, '.title')!.getBoundingClientRect();
    expect(gear.right, 'the gear is left of the title').to.be.at.most(title.left + 1);
    expect(gear.left - box.left, 'the gear is at the left edge').to.be.below(16);
    q(card, '#gear')!.click();
    await card.updateComplete;
    const menu = q(card, '[role="menu"]')!.getBoundingClientRect();
    expect(menu.left - box.left, 'the menu opens from the gear, at the left edge').to.be.below(16);
    expect(menu.right).to.be.at.most(box.right);
  });

  it('points the page chevrons the way the pages go, next to the left', async () => {
    const { manager } = await page('ar', 'rtl', await testBackend(makeRegistrations(60)));
    const panel = await openManager(manager);
    const [first, previous, next, last] = $$(panel, '.pages .button');
    expect(next.getBoundingClientRect().right, 'next is left of previous').to.be.at.most(
      previous.getBoundingClientRect().left + 1,
    );
    expect(last.getBoundingClientRect().right).to.be.at.most(first.getBoundingClientRect().left + 1);
    for (const button of [first, previous, next, last]) {
      expect(getComputedStyle(button.querySelector('svg')!).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    }
  });

  it('keeps each piece of the partner’s data in its own direction: domains in <bdi>, table cells dir="auto"', async () => {
    const { card, manager } = await page('ar', 'rtl', await testBackend(makeRegistrations(3)));
    expect(unisolated(card, 'northwind.example')).to.deep.equal([]);
    expect(unisolated(card, 'Northwind Analytics')).to.deep.equal([]);
    const panel = await openManager(manager);
    const cells = [...rows(panel)[0].querySelectorAll('th, td')].slice(1, 5);
    for (const cell of cells) expect(cell.getAttribute('dir')).to.equal('auto');
    expect(getComputedStyle(cells[1]).direction, 'a Latin company name reads left to right').to.equal('ltr');
  });

  it('keeps English text left to right in a right-to-left page whose language has no messages', async () => {
    const { card, manager } = await page('he', 'rtl', await testBackend(makeRegistrations(3)));
    expect(getComputedStyle(q(card, '.state')!).direction).to.equal('ltr');
    const panel = await openManager(manager);
    expect(getComputedStyle(manager.shadowRoot!.querySelector('h2')!).direction).to.equal('ltr');
    $$<HTMLInputElement>(panel, 'tbody input[type="checkbox"]')[0].click();
    $$<HTMLInputElement>(panel, 'tbody input[type="checkbox"]')[1].click();
    await panel.updateComplete;
    $(panel, '#deregister').click();
    await waitUntil(() => confirmationOf(panel).open, 'the confirmation did not open');
    const title = $(panel, '#confirm-title');
    expect(title.textContent.trim()).to.equal('Deregister 2 domains?');
    // Its question mark ends the line on the right, not on the left ("?Deregister 2 domains").
    expect(getComputedStyle(title).direction).to.equal('ltr');
    expect(panelOf(manager)).to.equal(panel);
  });
});
