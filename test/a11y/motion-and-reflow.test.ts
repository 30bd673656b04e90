import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { CapacityBackend } from '../../src/core/types.js';
import '../../src/define.js';
import type { CapacityManagerPanelElement } from '../../src/elements/capacity-manager/capacity-manager-panel.js';
import type { CapacityMeterElement } from '../../src/elements/capacity-meter/capacity-meter.js';
import type { LeadRegistrationCardElement } from '../../src/elements/lead-registration-card/lead-registration-card.js';
import { ControlledBackend, disposeTestBackends, registerOnPage, testBackend } from '../helpers/backends.js';
import { $, $$, confirmationOf, openManager, rowCheckbox } from '../helpers/capacity-manager.js';
import { deepElements, readable } from '../helpers/dom.js';
import { makeRegistrations } from '../helpers/registrations.js';

/*
 * Issue 6, item 7: `prefers-reduced-motion` is honoured (the spinner, the skeleton's pulse and the
 * meter's fill stop moving), and the card, the meter and the open manager reflow at 320 px and at
 * 200 % zoom (a 1280 × 800 window zoomed to 200 % lays out as 640 × 400 CSS pixels): the page never
 * scrolls sideways, and every control can be scrolled to and is there, not clipped.
 */

type Card = LeadRegistrationCardElement;

afterEach(async () => {
  await emulateMedia({ reducedMotion: 'no-preference' });
  await setViewport({ width: 800, height: 600 });
  await disposeTestBackends();
});

// --- Motion ----------------------------------------------------------------------------------------

/** The animations and transitions still moving in `root` (a shadow root), a couple of frames on. */
async function moving(root: ShadowRoot): Promise<string[]> {
  await nextFrame();
  await nextFrame();
  return root
    .getAnimations()
    .filter((animation) => animation.playState === 'running')
    .map((animation) => {
      const target = (animation.effect as KeyframeEffect | null)?.target;
      const name =
        animation instanceof CSSAnimation
          ? animation.animationName
          : animation instanceof CSSTransition
            ? `transition of ${animation.transitionProperty}`
            : 'animation';
      return `${name} on <${target?.localName ?? '?'} class="${target?.getAttribute('class') ?? ''}">`;
    });
}

/** A card whose Register is under way (held): the spinner shows. */
async function registeringCard(): Promise<Card> {
  const backend = new ControlledBackend(await testBackend());
  backend.hold.add('register');
  const card = await fixture<Card>(
    html`<lead-registration-card .backend=${backend} contact-id="c-1" website="example.com"></lead-registration-card>`,
  );
  await waitUntil(() => card.shadowRoot!.querySelector('#register'), 'no Register button');
  card.shadowRoot!.querySelector<HTMLButtonElement>('#register')!.click();
  await backend.nextHeld();
  await waitUntil(() => card.shadowRoot!.querySelector('.spinner'), 'no spinner');
  return card;
}

/** An open manager whose first page is still loading (held): the skeleton rows show. */
async function loadingManager(): Promise<CapacityManagerPanelElement> {
  const backend = new ControlledBackend(await testBackend(makeRegistrations(3)));
  backend.hold.add('listRegistrations');
  const { panel } = await openManager(backend, { settle: false });
  await waitUntil(() => panel.shadowRoot!.querySelector('tr.skeleton'), 'no skeleton rows');
  return panel;
}

/** A meter whose bar has just changed (a registration): the fill moves to its new width. */
async function changedMeter(): Promise<CapacityMeterElement> {
  const backend = await testBackend(makeRegistrations(10));
  const meter = await fixture<CapacityMeterElement>(html`<capacity-meter .backend=${backend}></capacity-meter>`);
  await waitUntil(() => meter.shadowRoot!.querySelector('[role="meter"]'), 'the meter did not load');
  await nextFrame(); // a transition runs from a width that has been styled: the bar is painted first
  await registerOnPage(backend, { contactId: 'c-1', website: 'example.com' });
  await waitUntil(
    () => meter.shadowRoot!.querySelector('[role="meter"]')!.getAttribute('aria-valuenow') === '11',
    'no change',
  );
  return meter;
}

const MOVING_THINGS = [
  { name: 'the card’s spinner while registering', make: async () => (await registeringCard()).shadowRoot! },
  { name: 'the manager’s skeleton rows while loading', make: async () => (await loadingManager()).shadowRoot! },
  { name: 'the meter’s fill when the capacity changes', make: async () => (await changedMeter()).shadowRoot! },
];

describe('prefers-reduced-motion', () => {
  for (const { name, make } of MOVING_THINGS) {
    it(`${name}: moves by default, stands still with reduce`, async () => {
      expect(await moving(await make()), 'moving without the preference').to.not.be.empty;
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(await moving(await make()), 'moving with prefers-reduced-motion: reduce').to.deep.equal([]);
    });
  }

  it('the progress still shows in words with reduce', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const card = await registeringCard();
    expect(readable(card.shadowRoot!.querySelector('#register')!.textContent)).to.equal('Registering…');
  });
});

// --- Reflow ----------------------------------------------------------------------------------------

const VIEWPORTS = [
  { name: '320 px wide', width: 320, height: 640 },
  { name: '200 % zoom (1280 × 800)', width: 640, height: 400 },
] as const;

/** The element at a point, inside shadow roots. */
function deepElementFromPoint(x: number, y: number): Element | null {
  let element = document.elementFromPoint(x, y);
  while (element?.shadowRoot) {
    const inner = element.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === element) break;
    element = inner;
  }
  return element;
}

function describe_(element: Element): string {
  const name =
    element.getAttribute('aria-label') ?? element.getAttribute('title') ?? readable(element.textContent).slice(0, 30);
  return `<${element.localName}${element.id ? `#${element.id}` : ''}> “${name}”`;
}

/** Nothing makes the page scroll sideways. */
function expectNoSidewaysScroll(where: string): void {
  expect(document.documentElement.scrollWidth, `${where}: the page scrolls sideways`).to.be.at.most(window.innerWidth);
}

/**
 * Each of `controls` can be reached: scrolled into view (by the page or the scroller it is in) it
 * lies inside the viewport, and it is what is there, not hidden behind or clipped by something else.
 */
async function expectReachable(controls: Element[], where: string): Promise<void> {
  expect(controls, `${where}: controls to check`).to.not.be.empty;
  const problems: string[] = [];
  for (const control of controls) {
    control.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    await nextFrame();
    const box = control.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) {
      problems.push(`${describe_(control)} has no size`);
      continue;
    }
    if (box.left < -1 || box.right > window.innerWidth + 1 || box.top < -1 || box.bottom > window.innerHeight + 1) {
      problems.push(
        `${describe_(control)} at ${Math.round(box.left)}–${Math.round(box.right)} × ${Math.round(box.top)}–${Math.round(box.bottom)}`,
      );
      continue;
    }
    const hit = deepElementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    let inside = false;
    for (let node: Node | null = hit; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
      if (node === control) inside = true;
    }
    if (!inside) problems.push(`${describe_(control)} is covered by ${hit ? describe_(hit) : 'nothing'}`);
  }
  expect(problems, `${where}: not reachable: ${problems.join('; ')}`).to.deep.equal([]);
}

function controlsIn(root: Element): Element[] {
  return [...deepElements(root)].filter(
    (element) =>
      element.matches('button, input, select, [tabindex="0"]') &&
      !element.closest('[hidden]') &&
      element.getClientRects().length > 0,
  );
}

async function pageWithCard(
  backend: CapacityBackend,
  website = 'https://www.northwind-analytics-consulting.com/en/about',
): Promise<HTMLElement> {
  return fixture<HTMLElement>(html`
    <main style="padding: 8px">
      <capacity-meter compact .backend=${backend}></capacity-meter>
      <lead-registration-card
        .backend=${backend}
        contact-id="c-1"
        website=${website}
        contact-name="Maximiliane Lindqvist-Oberhauser"
        company="Northwind Analytics Consulting Aktiengesellschaft"
        country="Sweden"
      ></lead-registration-card>
      <capacity-meter .backend=${backend}></capacity-meter>
    </main>
  `);
}

for (const viewport of VIEWPORTS) {
  describe(`reflow at ${viewport.name}`, () => {
    beforeEach(() => setViewport({ width: viewport.width, height: viewport.height }));

    it('the card, its gear menu and both meters', async () => {
      const page = await pageWithCard(await testBackend(makeRegistrations(46)));
      const card = page.querySelector<Card>('lead-registration-card')!;
      await waitUntil(() => card.shadowRoot!.querySelector('#register'), 'the card did not load');
      await waitUntil(() =>
        [...page.querySelectorAll('capacity-meter')].every((meter) =>
          meter.shadowRoot!.querySelector('[role="meter"]'),
        ),
      );
      expectNoSidewaysScroll('not registered');
      await expectReachable(controlsIn(page), 'not registered');
      for (const meter of page.querySelectorAll('capacity-meter')) {
        const box = meter.getBoundingClientRect();
        expect(box.right, 'the meter fits').to.be.at.most(window.innerWidth);
        for (const part of meter.shadowRoot!.querySelectorAll('.label, .summary, .tier, .warning')) {
          expect(part.getBoundingClientRect().right, `${part.className} fits`).to.be.at.most(window.innerWidth);
        }
      }

      card.shadowRoot!.querySelector<HTMLButtonElement>('#gear')!.click();
      await card.updateComplete;
      expectNoSidewaysScroll('the gear menu open');
      await expectReachable([...card.shadowRoot!.querySelectorAll('[role="menuitem"]')], 'the gear menu open');
    });

    it('the card at full capacity, with Manage your capacity', async () => {
      const page = await pageWithCard(await testBackend(makeRegistrations(50)));
      const card = page.querySelector<Card>('lead-registration-card')!;
      await waitUntil(() => card.shadowRoot!.querySelector('.reason'), 'the card did not say the capacity is full');
      expectNoSidewaysScroll('capacity full');
      await expectReachable(controlsIn(card), 'capacity full');
    });

    it('the open manager, with a selection, and its confirmation', async () => {
      const { manager, panel } = await openManager(await testBackend(makeRegistrations(30)));
      rowCheckbox(panel, 'company-001.com').click();
      rowCheckbox(panel, 'company-002.com').click();
      await panel.updateComplete;
      expectNoSidewaysScroll('the manager');
      const dialog = manager.shadowRoot!.querySelector('dialog')!.getBoundingClientRect();
      expect(dialog.left, 'the dialog fits').to.be.at.least(0);
      expect(dialog.right, 'the dialog fits').to.be.at.most(window.innerWidth);
      // Everything in the dialog: close, search, Deregister, the header and row checkboxes, every
      // sort button (the table may scroll sideways inside its own box: a data table needs two dimensions),
      // the rows-per-page select and the page buttons.
      const controls = [...controlsIn(manager)].filter((control) => !control.closest('dialog[role="alertdialog"]'));
      await expectReachable(controls, 'the manager');
      expect($$(panel, 'th button.sort').length).to.equal(6);

      $(panel, '#deregister').click();
      await waitUntil(() => confirmationOf(panel).open, 'the confirmation did not open');
      expectNoSidewaysScroll('the confirmation');
      const box = confirmationOf(panel).getBoundingClientRect();
      expect(box.left, 'the confirmation fits').to.be.at.least(0);
      expect(box.right, 'the confirmation fits').to.be.at.most(window.innerWidth);
      await expectReachable(controlsIn(confirmationOf(panel)), 'the confirmation');
    });
  });
}
