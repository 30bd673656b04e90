import { http, type HttpHandler } from 'msw';
import * as fetchApi from './api.js';
import type { CapacityApi, CapacityApiOptions } from './api.js';

export { problem } from './api.js';
export type { CapacityApi, CapacityApiOptions, CapacityApiState } from './api.js';

/** The REST API of mocks/api.ts with the MSW handlers that serve it. */
export interface MockCapacityApi extends CapacityApi {
  /** Hand these to `setupWorker(...)` / `setupServer(...)`; one handler answers everything under `baseUrl`. */
  readonly handlers: readonly HttpHandler[];
}

/** MSW handlers that hand every request under `api.baseUrl` to `api.handle`. */
export function mswHandlers(api: CapacityApi): HttpHandler[] {
  return [http.all(`${api.baseUrl}/*`, ({ request }) => api.handle(request))];
}

/** Creates the mock API (mocks/api.ts) and its MSW handlers. */
export function createCapacityApi(options: CapacityApiOptions = {}): MockCapacityApi {
  const api = fetchApi.createCapacityApi(options);
  // Assigned, not spread: `ledger` is a getter that follows `reset`.
  return Object.assign(api, { handlers: mswHandlers(api) });
}
