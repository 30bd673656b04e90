import { waitUntil } from '@open-wc/testing';

/** Waits for `check`, failing with `what()` as it is then (waitUntil's own message is fixed when it starts). */
export async function eventually(check: () => unknown, what: () => string, timeout = 4000): Promise<void> {
  await waitUntil(check, undefined, { timeout }).catch(() => {
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
