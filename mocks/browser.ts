import { setupWorker } from 'msw/browser';
import { lifecycleClock } from '../src/core/lifecycle.js';
import { createCapacityApi, type CapacityApiState } from './handlers.js';

export { createCapacityApi, problem } from './handlers.js';
export type { CapacityApi, CapacityApiOptions, CapacityApiState, MockCapacityApi } from './handlers.js';
export { generateRegistrations, mulberry32 } from './seed.js';

/**
 * The page's mock REST API at `/api` (docs/openapi.json). Its today is the elements' (`lifecycleClock`): a demo or a
 * test that moves one moves both.
 */
export const api = createCapacityApi({ clock: () => lifecycleClock.now() });

/** The MSW worker serving `api`; tests add fault handlers with `worker.use(...)`. */
export const worker = setupWorker(...api.handlers);

let started: Promise<unknown> | undefined;

export interface StartMockApiOptions {
  /** The data to start with (see `CapacityApi.reset`). */
  state?: CapacityApiState;
  /** Where `mockServiceWorker.js` is served; default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string;
}

/**
 * Starts the worker (once per page; later calls wait for the same start) and resets the data.
 * Requests made before this resolves are not mocked.
 */
export async function startMockApi(options: StartMockApiOptions = {}): Promise<void> {
  started ??= worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
  });
  await started;
  api.reset(options.state);
}
