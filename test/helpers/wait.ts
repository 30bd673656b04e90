import { waitUntil } from '@open-wc/testing';

/**
 * How often a wait looks again. Looking is cheap (a text, an attribute); waitUntil's own 50 ms adds 25 ms on average
 * to every wait, seconds over the suite.
 */
export const POLL_MS = 10;

/** Waits for `check`, failing with `what()` as it is then (waitUntil's own message is fixed when it starts). */
export async function eventually(check: () => unknown, what: () => string, timeout = 4000): Promise<void> {
  await waitUntil(check, undefined, { timeout, interval: POLL_MS }).catch(() => {
    throw new Error(what());
  });
}

/**
 * Resolves in the next task, so after every promise continuation queued before it (the event loop runs them all
 * before any task). An answer handed over now has by then gone as far as promises take it: through the state and
 * the loader to the element's update request. Not a guess at how long something takes: it waits for nothing that
 * needs I/O or a timer, so use it only after handing over such an answer, then await the element's update.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}
