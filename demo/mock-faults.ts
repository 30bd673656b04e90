import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { problem } from '../mocks/handlers.js';
import { CapacityError } from '../src/core/errors.js';
import { hasFaults, type Faults } from './faults.js';

/**
 * MSW handlers to put in front of the mock API with `worker.use(...)`: every request under `baseUrl`
 * waits `latency`, then fails as asked or, returning nothing, falls through to the API's own handler.
 */
export function faultHandlers(baseUrl: string, faults: Faults): HttpHandler[] {
  if (!hasFaults(faults)) return [];
  return [
    http.all(`${baseUrl}/*`, async () => {
      // Never answers: the RestBackend's own timeout ends the request.
      if (faults.failure === 'timeout') await delay('infinite');
      if (faults.latency > 0) await delay(faults.latency);
      // A gateway's bare 500, not the API's problem document: the widget must cope with both.
      if (faults.failure === '500')
        return new HttpResponse('Internal Server Error', { status: 500, headers: { 'Content-Type': 'text/plain' } });
      if (faults.failure === '401') return problem(new CapacityError('unauthorized'));
      return undefined;
    }),
  ];
}
