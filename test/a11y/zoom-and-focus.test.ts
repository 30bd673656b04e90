import { expect, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { CapacityBackend } from '../../src/core/types.js';
import type { CapacityManagerElement } from '../../src/elements/capacity-manager/capacity-manager.js';
import type { CapacityManagerPanelElement } from '../../src/elements/capacity-manager/capacity-manager-panel.js';
import { setMessages } from '../../src/i18n/localizer.js';
import { disposeTestBackends, testBackend } from '../helpers/backends.js';
import { $, confirmationOf, expectFocusOn, openManager, rows } from '../helpers/capacity-manager.js';
import { composedParent, deepElements, readable } from '../helpers/dom.js';
import { wheel } from '../helpers/input-emulation.js';
import { makeRegistrations } from '../helpers/registrations.js';

/*
 * Issue 13, items 1 and 2. Reflow (WCAG 1.4.10): zoomed to 200 % and 400 % (the viewport in CSS
 * pixels, at the device scale that zoom gives), and with German at 320 px, every control of the
 * open manager, its title and Close can be reached by turning the mouse wheel over the dialog, as a
 * person does: nothing is clipped where no scrolling reaches. Focus not obscured (WCAG 2.4.11):
 * tabbing up through the rows, the sticky table header never covers the focused checkbox.
 */

afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
  await disposeTestBackends();
});

type Panel = CapacityManagerPanelElement;

const ZOOMS = [
  { name: '1280 × 900 at 200 %', width: 640, height: 450, deviceScaleFactor: 2 },
  { name: '1366 × 768 at 200 %', width: 683, height: 384, deviceScaleFactor: 2 },
  { name: '1280 × 900 at 400 %', width: 320, height: 225, deviceScaleFactor: 4 },
  { name: '320 × 640 in German', width: 320, height: 640, deviceScaleFactor: 1, lang: 'de' },
  // Taller than the short-viewport layout (36rem), yet not tall enough for all of it: the dialog scrolls.
  { name: '320 × 600 in German', width: 320, height: 600, deviceScaleFactor: 1, lang: 'de' },
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

function contains(ancestor: Element, node: Element | null): boolean {
  for (let at = node; at; at = composedParent(at)) if (at === ancestor) return true;
  return false;
}

function describe_(element: Element): string {
  const name =
    element.getAttribute('aria-label') ?? element.getAttribute('title') ?? readable(element.textContent).slice(0, 30);
  return `<${element.localName}${element.id ? `#${element.id}` : ''}> “${name}”`;
}

/** The ancestors of `element` (across shadow roots) that clip it, innermost first, up to its modal dialog. */
function clippingAncestors(element: Element): Element[] {
  const found: Element[] = [];
  for (let at = composedParent(element); at; at = composedParent(at)) {
    const style = getComputedStyle(at);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') found.push(at);
    if (at.matches(':modal')) break;
  }
  return found;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The inside of `element` (no border, no scroll bar), or the viewport. */
function clientBox(element: Element | undefined): Box {
  if (!element) return { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
  const box = element.getBoundingClientRect();
  const left = box.left + element.clientLeft;
  const top = box.top + element.clientTop;
  return { left, top, right: left + element.clientWidth, bottom: top + element.clientHeight };
}

const within = (inner: Box, outer: Box): boolean =>
  inner.left >= outer.left - 1 &&
  inner.right <= outer.right + 1 &&
  inner.top >= outer.top - 1 &&
  inner.bottom <= outer.bottom + 1;

const intersect = (a: Box, b: Box): Box => ({
  left: Math.max(a.left, b.left),
  right: Math.min(a.right, b.right),
  top: Math.max(a.top, b.top),
  bottom: Math.min(a.bottom, b.bottom),
});

type Axis = 'x' | 'y';

function scrollOf(element: Element, axis: Axis): number {
  return axis === 'x' ? element.scrollLeft : element.scrollTop;
}

/** Whether a wheel turned in `axis` towards `sign` scrolls `element`, were the pointer over it. */
function canScroll(element: Element, axis: Axis, sign: number): boolean {
  const style = getComputedStyle(element);
  const overflow = axis === 'x' ? style.overflowX : style.overflowY;
  if (overflow !== 'auto' && overflow !== 'scroll') return false;
  const position = Math.abs(scrollOf(element, axis));
  const range = axis === 'x' ? element.scrollWidth - element.clientWidth : element.scrollHeight - element.clientHeight;
  // scrollLeft runs negative in a right-to-left box: compare by distance from the start.
  const forward = axis === 'x' && style.direction === 'rtl' ? -sign : sign;
  return forward > 0 ? position < range - 1 : position > 0;
}

/**
 * A point over `scroller`'s visible part where a wheel turned in `axis` towards `sign` scrolls
 * `scroller`: no scroller inside it that could still move that way takes the wheel, and none that
 * contains its scrolling (`overscroll-behavior`) keeps it.
 */
function wheelPoint(scroller: Element, visible: Box, axis: Axis, sign: number): { x: number; y: number } | undefined {
  for (let y = visible.top + 4; y < visible.bottom - 2; y += 12) {
    for (let x = visible.left + 4; x < visible.right - 2; x += 12) {
      let ok = false;
      for (let at = deepElementFromPoint(x, y); at; at = composedParent(at)) {
        if (at === scroller) {
          ok = true;
          break;
        }
        const style = getComputedStyle(at);
        const overflow = axis === 'x' ? style.overflowX : style.overflowY;
        if (overflow !== 'auto' && overflow !== 'scroll') continue;
        const hasRange = axis === 'x' ? at.scrollWidth > at.clientWidth : at.scrollHeight > at.clientHeight;
        if (!hasRange) continue;
        const contained = (axis === 'x' ? style.overscrollBehaviorX : style.overscrollBehaviorY) !== 'auto';
        if (canScroll(at, axis, sign) || contained) break;
      }
      if (ok) return { x, y };
    }
  }
  return undefined;
}

/** Waits until a wheel's scrolling has come to rest in `scrollers` (it may be animated, and chain outwards). */
async function scrollSettled(scrollers: Element[]): Promise<void> {
  let last = '';
  for (let frame = 0; frame < 60; frame++) {
    await nextFrame();
    await nextFrame();
    const now = scrollers.map((scroller) => `${scroller.scrollLeft},${scroller.scrollTop}`).join();
    if (now === last) return;
    last = now;
  }
}

/**
 * Turns the mouse wheel over the scrollers around `target`, as a person would, until `target` is
 * wholly in view and nothing covers it. Says why it could not, or undefined once it could.
 */
async function wheelTo(target: Element): Promise<string | undefined> {
  for (let step = 0; step < 80; step++) {
    const box = target.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return `${describe_(target)} has no size`;
    const clips = clippingAncestors(target);
    // The innermost box that cuts the target off, the viewport last.
    const index = [...clips, undefined].findIndex((clip) => !within(box, clientBox(clip)));
    let scroller: Element | undefined;
    let axis: Axis;
    let sign: number;
    if (index === -1) {
      const hit = deepElementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
      if (contains(target, hit)) return undefined;
      // Covered (a sticky header over a row): scroll its scroller towards the start.
      scroller = clips[0];
      axis = 'y';
      sign = -1;
      if (!scroller) return `${describe_(target)} is covered by ${hit ? describe_(hit) : 'nothing'}`;
    } else {
      scroller = clips[index];
      if (!scroller) return `${describe_(target)} lies outside the viewport, where nothing scrolls`;
      const area = clientBox(scroller);
      if (box.top < area.top - 1 || box.bottom > area.bottom + 1) {
        axis = 'y';
        sign = box.top < area.top - 1 ? -1 : 1;
      } else {
        axis = 'x';
        sign = box.left < area.left - 1 ? -1 : 1;
      }
    }
    const visible = [...clips.slice(clips.indexOf(scroller)), undefined]
      .map(clientBox)
      .reduce((a, b) => intersect(a, b));
    const point = wheelPoint(scroller, visible, axis, sign);
    const where = `${describe_(target)} (in ${describe_(scroller)}, by ${axis})`;
    if (!point) return `${where}: no place to turn the wheel`;
    const before = scrollOf(scroller, axis);
    await wheel(point.x, point.y, axis === 'x' ? { deltaX: 80 * sign } : { deltaY: 80 * sign });
    await scrollSettled(clips);
    if (scrollOf(scroller, axis) === before) return `${where}: the wheel does not scroll it`;
  }
  return `${describe_(target)}: still not in view after 80 turns of the wheel`;
}

function focusables(root: Element): Element[] {
  return [...deepElements(root)].filter(
    (element) =>
      element.matches('button, input, select, [tabindex="0"]') &&
      !element.closest('[hidden]') &&
      element.getClientRects().length > 0,
  );
}

async function openIn(
  backend: CapacityBackend,
  lang: string | undefined,
): Promise<{ manager: CapacityManagerElement; panel: Panel }> {
  if (lang) document.documentElement.lang = lang;
  const opened = await openManager(backend);
  if (lang) {
    await waitUntil(() => readable($(opened.panel, '#deregister').textContent).startsWith('Registrierung'));
  }
  // The meter in the status bar is laid out once its body and its words are there.
  const meter = $(opened.panel, 'capacity-meter');
  await waitUntil(() => meter.shadowRoot?.querySelector('[role="meter"]'), 'the meter did not load');
  return opened;
}

describe('reflow of the Capacity Manager under zoom (WCAG 1.4.10)', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  for (const zoom of ZOOMS) {
    it(`${zoom.name}: every control, the title and Close are reached by the wheel`, async () => {
      const { width, height, deviceScaleFactor } = zoom;
      await setViewport({ width, height, deviceScaleFactor });
      const lang = 'lang' in zoom ? zoom.lang : undefined;
      const { manager, panel } = await openIn(await testBackend(makeRegistrations(30)), lang);
      rows(panel)[0].querySelector('input')!.click();
      await panel.updateComplete;
      expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(window.innerWidth);
      const dialog = manager.shadowRoot!.querySelector('dialog')!;
      const targets = [
        manager.shadowRoot!.querySelector('h2')!,
        ...focusables(dialog).filter((control) => !control.closest('dialog[role="alertdialog"]')),
      ];
      // From the top of the dialog: the footer's page buttons last.
      const problems: string[] = [];
      for (const target of [...targets, ...targets.slice(0, 2)]) {
        const problem = await wheelTo(target);
        if (problem) problems.push(problem);
      }
      expect(problems).to.deep.equal([]);

      $(panel, '#deregister').click();
      await waitUntil(() => confirmationOf(panel).open, 'the confirmation did not open');
      for (const target of focusables(confirmationOf(panel))) {
        const problem = await wheelTo(target);
        if (problem) problems.push(problem);
      }
      expect(problems, 'the confirmation').to.deep.equal([]);
    });
  }
});

describe('focus not obscured by the sticky table header (WCAG 2.4.11)', () => {
  const COLUMN_NAMES = ['table.domain', 'table.company', 'table.contactName', 'table.country', 'table.registeredAt'];
  afterEach(() => setMessages('en', Object.fromEntries(COLUMN_NAMES.map((id) => [id, undefined]))));

  for (const { width, height, longNames } of [
    { width: 800, height: 600, longNames: false },
    { width: 360, height: 640, longNames: false },
    // Column names that wrap over three lines: a taller header.
    { width: 800, height: 600, longNames: true },
  ]) {
    const name = `${width} × ${height}${longNames ? ', with long column names' : ''}`;
    it(`tabbing up through the rows at ${name}, each checkbox shows whole`, async () => {
      await setViewport({ width, height });
      if (longNames) {
        setMessages('en', Object.fromEntries(COLUMN_NAMES.map((id) => [id, 'Name der zuständigen Kontaktperson'])));
      }
      const { panel } = await openManager(await testBackend(makeRegistrations(30)));
      const checkboxes = rows(panel).map((row) => row.querySelector('input')!);
      checkboxes.at(-1)!.focus();
      // The header's cells stick (the row group itself scrolls away).
      const header = $(panel, 'thead td.check');
      if (longNames) expect(header.getBoundingClientRect().height, 'the header wraps').to.be.above(60);
      const hidden: string[] = [];
      for (let step = checkboxes.length - 1; step >= 0; step--) {
        await nextFrame();
        const focused = checkboxes[step];
        expectFocusOn(focused);
        const box = focused.getBoundingClientRect();
        const under = header.getBoundingClientRect();
        if (box.top < under.bottom - 0.5) {
          hidden.push(
            `${focused.getAttribute('aria-label')}: top ${box.top} under the header's bottom ${under.bottom}`,
          );
        }
        // Puppeteer presses no chords: hold Shift around the Tab.
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
      }
      expect(hidden).to.deep.equal([]);
    });
  }
});
