import { oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LeadRegistrationEventDetails, LeadRegistrationEventType } from '../../src/events.js';

/**
 * The next `type` event at `target`, typed from `GlobalEventHandlersEventMap` (where src/events.ts declares the
 * widget's).
 */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  type: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return oneEvent<GlobalEventHandlersEventMap[K]>(target, type);
}

/** A widget event as a listener received it: what it seemed to come from there, and its detail. */
export interface ReceivedEvent<K extends LeadRegistrationEventType = LeadRegistrationEventType> {
  type: K;
  target: EventTarget | null;
  detail: LeadRegistrationEventDetails[K];
}

/**
 * Records every event of `types` that reaches `at` (the document unless told), in the order they came, with
 * nothing folded: a test compares the whole list, so that an event sent twice, or out of order, fails it.
 */
export function receivedEvents<K extends LeadRegistrationEventType>(
  types: readonly K[],
  at: EventTarget = document,
): { events: ReceivedEvent<K>[]; stop: () => void } {
  const events: ReceivedEvent<K>[] = [];
  const record = (event: Event): void =>
    void events.push({
      type: event.type as K,
      target: event.target,
      detail: (event as CustomEvent<LeadRegistrationEventDetails[K]>).detail,
    });
  for (const type of types) at.addEventListener(type, record);
  return { events, stop: () => types.forEach((type) => at.removeEventListener(type, record)) };
}

/**
 * Presses Escape and waits for all it does to the modal dialogs shown: the browser's `cancel` event, and its
 * closing a dialog when a close watcher lets the key through, happen within the key press; a dialog closed then
 * says so with a `close` event, in a task of its own, after which the elements update (and show again what they
 * keep open).
 */
export async function pressEscape(
  dialogs: HTMLDialogElement[],
  elements: { updateComplete: Promise<unknown> }[],
): Promise<void> {
  const closed = dialogs.map((dialog) => oneEvent(dialog, 'close'));
  await sendKeys({ press: 'Escape' });
  for (const [index, dialog] of dialogs.entries()) if (!dialog.open) await closed[index];
  for (const element of elements) await element.updateComplete;
}
