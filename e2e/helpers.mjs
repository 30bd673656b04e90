import assert from 'node:assert/strict';

/** How long one step of an end-to-end test may take. */
export const STEP_MS = 10_000;

/** Polls `read()` until it returns `expected` (deep-equal), failing after `ms` with the last value. */
export async function until(read, expected, message, ms = STEP_MS) {
  const deadline = Date.now() + ms;
  let value;
  for (;;) {
    value = await read();
    if (JSON.stringify(value) === JSON.stringify(expected)) return;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.deepEqual(value, expected, message);
}

/** A locator's visible text with its white space folded. */
export const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();
