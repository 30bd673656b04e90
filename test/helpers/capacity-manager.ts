import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { defineElement } from '../../src/define-element.js';
import type { CapacityBackend } from '../../src/core/types.js';
import { CapacityManagerElement } from '../../src/elements/capacity-manager/capacity-manager.js';
import type { CapacityManagerPanelElement } from '../../src/elements/capacity-manager/capacity-manager-panel.js';
import { CapacityMeterElement } from '../../src/elements/capacity-meter/capacity-meter.js';
import { deepActiveElement } from '../../src/focus.js';
import { POLL_MS } from './wait.js';

defineElement('capacity-manager', CapacityManagerElement);
defineElement('capacity-meter', CapacityMeterElement);

export function panelOf(manager: CapacityManagerElement): CapacityManagerPanelElement | null {
  return manager.shadowRoot!.querySelector<CapacityManagerPanelElement>('capacity-manager-panel');
}

export function dialogOf(manager: CapacityManagerElement): HTMLDialogElement {
  return manager.shadowRoot!.querySelector('dialog')!;
}

/** `selector` inside the panel's shadow root; throws when absent. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the same contract as querySelector<E>
export function $<E extends Element = HTMLElement>(panel: CapacityManagerPanelElement, selector: string): E {
  const found = panel.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`Nothing matches ${selector} in the panel.`);
  return found;
}

export function $$<E extends Element = HTMLElement>(panel: CapacityManagerPanelElement, selector: string): E[] {
  return [...panel.shadowRoot!.querySelectorAll<E>(selector)];
}

/** The data rows shown (not skeletons or messages). */
export function rows(panel: CapacityManagerPanelElement): HTMLTableRowElement[] {
  return $$<HTMLTableRowElement>(panel, 'tbody tr:not(.skeleton):not(.message)');
}

/** The domains of the rows shown, in order. */
export function shownDomains(panel: CapacityManagerPanelElement): string[] {
  return rows(panel).map((row) => row.querySelector('th')!.textContent.trim());
}

/** The message row (empty, no matches, error), if one is shown. */
export function messageText(panel: CapacityManagerPanelElement): string | undefined {
  return panel.shadowRoot!.querySelector('tr.message')?.textContent?.replace(/\s+/g, ' ').trim();
}

export function rangeText(panel: CapacityManagerPanelElement): string {
  return $(panel, '.range').textContent.replace(/\s+/g, ' ').trim();
}

export function statusText(panel: CapacityManagerPanelElement): string {
  return $(panel, '[role="status"]').textContent.trim();
}

export function rowCheckbox(panel: CapacityManagerPanelElement, domain: string): HTMLInputElement {
  return $<HTMLInputElement>(panel, `tbody input[type="checkbox"][aria-label="Select ${domain}"]`);
}

export function headerCheckbox(panel: CapacityManagerPanelElement): HTMLInputElement {
  return $<HTMLInputElement>(panel, 'thead input[type="checkbox"]');
}

export function sortButton(panel: CapacityManagerPanelElement, label: string): HTMLButtonElement {
  const button = $$<HTMLButtonElement>(panel, 'th button.sort').find((b) => b.textContent.trim() === label);
  if (!button) throw new Error(`No sort button ${label}.`);
  return button;
}

export function confirmationOf(panel: CapacityManagerPanelElement): HTMLDialogElement {
  return $<HTMLDialogElement>(panel, 'dialog[role="alertdialog"]');
}

/** Waits until the panel shows rows or a message, and no load is running. */
export async function settled(panel: CapacityManagerPanelElement): Promise<void> {
  await waitUntil(
    () =>
      $(panel, 'table').getAttribute('aria-busy') === 'false' &&
      (rows(panel).length > 0 || messageText(panel) !== undefined),
    'the panel did not settle',
    { interval: POLL_MS },
  );
  await panel.updateComplete;
}

function describeElement(element: Element | undefined): string {
  if (!element) return 'nothing';
  const name =
    element.getAttribute('aria-label') ?? (element.id || element.textContent?.replace(/\s+/g, ' ').trim().slice(0, 40));
  return `<${element.localName}> “${name ?? ''}”`;
}

/**
 * Asserts where focus is (inside shadow roots). Not `expect(a).to.equal(b)`: chai's diff of two
 * unequal elements walks their whole DOM and has crashed the renderer.
 */
export function expectFocusOn(element: Element): void {
  const active = deepActiveElement();
  if (active !== element)
    throw new Error(`Expected focus on ${describeElement(element)} but it is on ${describeElement(active)}.`);
}

/** The text of a `<capacity-meter>` ("3 of 50 domains used"). */
export function meterSummary(meter: Element): string | undefined {
  return meter.shadowRoot?.querySelector('[part="summary"]')?.textContent?.trim();
}

/** A `<capacity-manager>` on `backend`, opened with `show()`, its panel loaded and its first page shown. */
export async function openManager(
  backend: CapacityBackend,
  options: { searchDelay?: number; settle?: boolean } = {},
): Promise<{ manager: CapacityManagerElement; panel: CapacityManagerPanelElement }> {
  const manager = await fixture<CapacityManagerElement>(
    html`<capacity-manager .backend=${backend}></capacity-manager>`,
  );
  const opened = oneEvent(manager, 'capacity-manager-open');
  manager.show();
  await opened;
  const panel = await panelReady(manager, options.searchDelay);
  if (options.settle ?? true) await settled(panel);
  return { manager, panel };
}

/** Waits for the panel of an open manager and shortens its search debounce. */
export async function panelReady(
  manager: CapacityManagerElement,
  searchDelay = 0,
): Promise<CapacityManagerPanelElement> {
  await waitUntil(() => panelOf(manager), 'the panel did not appear', { interval: POLL_MS });
  const panel = panelOf(manager)!;
  panel.searchDelay = searchDelay;
  await panel.updateComplete;
  return panel;
}

/** A manager and the navigation button that opens it, with its open and close events recorded. */
export interface ManagerPage {
  opener: HTMLButtonElement;
  manager: CapacityManagerElement;
  /** The manager's open and close events, in order. */
  events: string[];
}

export async function managerWithOpener(backend: CapacityBackend): Promise<ManagerPage> {
  const root = await fixture<HTMLElement>(html`
    <div>
      <button type="button">Capacity</button>
      <capacity-manager .backend=${backend}></capacity-manager>
    </div>
  `);
  const manager = root.querySelector<CapacityManagerElement>('capacity-manager')!;
  const events: string[] = [];
  for (const type of ['capacity-manager-open', 'capacity-manager-close'] as const) {
    manager.addEventListener(type, () => events.push(type));
  }
  return { opener: root.querySelector('button')!, manager, events };
}
