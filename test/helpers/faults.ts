import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { api, problem } from '../../mocks/browser.js';
import { CapacityError, type CapacityErrorCode } from '../../src/core/errors.js';
import type { RenewRefusalReason } from '../../src/core/types.js';

/*
 * The ways a REST API fails (docs/faults.md, "How the faults are made"), as MSW handlers for one call:
 * the fault matrix (test/faults/fault-matrix.test.ts) and the count of error events
 * (test/faults/error-events.test.ts) inject them with `worker.use(...)`.
 */

export type FaultKind = 'answer' | 'timeout' | 'malformed' | 'slow' | 'conflict' | 'refusal';

export interface Fault {
  /** As in docs/faults.md. */
  name: string;
  kind: FaultKind;
  /** The code of the `lead-registration-error` it causes; none for a slow answer. */
  code?: CapacityErrorCode;
  /** The answer, for kind `answer`. */
  respond?: () => Response;
  /** Only a registration can meet it (the 409s). */
  registerOnly?: boolean;
  /** For kind `refusal`: the reason a renewal's 200 answer refuses it with. */
  reason?: RenewRefusalReason;
}

export const FAULTS: readonly Fault[] = [
  { name: '500', kind: 'answer', code: 'server', respond: () => problem(new CapacityError('server')) },
  {
    name: '503',
    kind: 'answer',
    code: 'server',
    respond: () =>
      new HttpResponse('<h1>503 Service Unavailable</h1>', { status: 503, headers: { 'Content-Type': 'text/html' } }),
  },
  { name: '401', kind: 'answer', code: 'unauthorized', respond: () => problem(new CapacityError('unauthorized')) },
  { name: '403', kind: 'answer', code: 'forbidden', respond: () => problem(new CapacityError('forbidden')) },
  { name: 'timeout', kind: 'timeout', code: 'timeout' },
  { name: 'network down', kind: 'answer', code: 'network', respond: () => HttpResponse.error() },
  { name: 'malformed JSON', kind: 'malformed', code: 'bad-response' },
  { name: '5-second response', kind: 'slow' },
  { name: '409 capacity-exceeded', kind: 'conflict', code: 'capacity-exceeded', registerOnly: true },
  { name: '409 domain-already-registered', kind: 'conflict', code: 'domain-already-registered', registerOnly: true },
  { name: '409 contact-already-registered', kind: 'conflict', code: 'contact-already-registered', registerOnly: true },
  { name: '409 domain-unavailable', kind: 'conflict', code: 'domain-unavailable', registerOnly: true },
];

/** The faults that fail a call: every one but the slow answer and the 409s a registration meets. */
export const FAILURES: readonly Fault[] = FAULTS.filter((fault) => fault.kind !== 'slow' && !fault.registerOnly);

/** An answer held until the test lets it go (a 5-second response; a timeout's, after the test). */
export interface Gate {
  promise: Promise<void>;
  open(): void;
}

const gates: Gate[] = [];

export function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  const made = { promise, open };
  gates.push(made);
  return made;
}

/** Lets every held answer go: call after each test, so that no request stays pending. */
export function openGates(): void {
  for (const held of gates.splice(0)) held.open();
}

/** The mock API's own answer to `request`: what the server does when nothing is wrong. */
export async function serverAnswer(request: Request): Promise<Response> {
  const response = await getResponse([...api.handlers], request);
  if (!response) throw new Error(`The mock API does not answer ${request.method} ${request.url}`);
  return response;
}

/**
 * What the API answers to `request` when `fault` hits it. A mutation that times out or whose answer is malformed is
 * applied by the server first: only its answer is lost.
 */
export async function faultyAnswer(
  method: 'GET' | 'POST',
  request: Request,
  fault: Fault,
  held: Gate,
): Promise<Response> {
  switch (fault.kind) {
    case 'answer':
      return fault.respond!();
    case 'timeout': {
      const answer = method === 'POST' ? await serverAnswer(request) : HttpResponse.error();
      await held.promise;
      return answer;
    }
    case 'malformed': {
      const status = method === 'POST' ? (await serverAnswer(request)).status : 200;
      return new HttpResponse('{"id": "r-1", "domain": "fault-matr', {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    }
    case 'slow':
      await held.promise;
      return serverAnswer(request);
    default:
      throw new Error(`no handler for ${fault.kind}`);
  }
}

/** Answers `method path` (under the API's base URL) with `fault` (see `faultyAnswer`). */
export function faultHandler(method: 'GET' | 'POST', path: string, fault: Fault, held: Gate): HttpHandler {
  const route = method === 'GET' ? http.get : http.post;
  return route(`${api.baseUrl}${path}`, ({ request }) => faultyAnswer(method, request, fault, held));
}
