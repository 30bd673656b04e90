import { oneEvent } from '@open-wc/testing';

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
