import { waitUntil } from '@open-wc/testing';

/** Waits for `check`, failing with `what()` as it is then (waitUntil's own message is fixed when it starts). */
export async function eventually(check: () => unknown, what: () => string, timeout = 4000): Promise<void> {
  await waitUntil(check, undefined, { timeout }).catch(() => {
    throw new Error(what());
  });
}
