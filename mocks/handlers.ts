import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { normalizeDomain } from '../src/core/domain.js';
import { CapacityError, defaultMessage, STATUS_BY_CODE } from '../src/core/errors.js';
import { RegistrationLedger } from '../src/core/ledger.js';
import { queryFromSearchParams } from '../src/core/query.js';
import { limitForTier } from '../src/core/tiers.js';
import type { RegisterInput, Registration, Tier } from '../src/core/types.js';
import { randomUuid } from '../src/core/uuid.js';
import { generateRegistrations } from './seed.js';

export interface CapacityApiOptions {
  /** Where the API is served; default `/api`. Absolute or root-relative, with or without a trailing slash. */
  baseUrl?: string;
  /** Milliseconds every answer waits, for a demo that feels like a network; default 0. */
  latencyMs?: number;
}

/** The server's data after `reset`. */
export interface CapacityApiState {
  /** Default `untiered`. */
  tier?: Tier;
  /** Per-tier limits overriding contract section 1 (a partner's custom contract). */
  limits?: Partial<Record<Tier, number>>;
  /** The registrations to serve; when absent, `seedCount` are generated with `generateRegistrations`. */
  registrations?: Registration[];
  /** How many registrations to generate when `registrations` is absent; default 0. */
  seedCount?: number;
  /** Seed of the generated registrations; default 1. */
  seed?: number;
  /** Websites or domains that another partner holds: registering them fails with `domain-unavailable`. */
  unavailableDomains?: string[];
}

/** A mock of the REST API (contract section 5) for MSW, serving one partner's registrations. */
export interface CapacityApi {
  /** The base URL the handlers serve, without a trailing slash. */
  readonly baseUrl: string;
  /** Hand these to `setupWorker(...)` / `setupServer(...)`. */
  readonly handlers: readonly HttpHandler[];
  /** The data being served; the same rules as every backend, so tests may read or seed it directly. */
  readonly ledger: RegistrationLedger;
  /** Replaces the data (and forgets idempotency keys); with no argument an empty untiered partner. */
  reset(state?: CapacityApiState): void;
}

interface StoredReply {
  /** The request body the key was first used with. */
  request: string;
  status: number;
  body: unknown;
}

const PROBLEM_TYPE_BASE = 'https://lead-registration-widget.example/problems/';

/** Creates the mock API. Its rules are `RegistrationLedger`'s, the same as every backend's. */
export function createCapacityApi(options: CapacityApiOptions = {}): CapacityApi {
  const baseUrl = (options.baseUrl ?? '/api').replace(/\/+$/, '');
  const latencyMs = options.latencyMs ?? 0;
  let ledger = new RegistrationLedger('untiered', limitForTier('untiered'));
  let unavailable = new Set<string>();
  // Successful mutations by endpoint and Idempotency-Key: a retried request gets the first answer
  // again instead of being applied twice. Failures are not stored, as nothing was applied.
  const replies = new Map<string, StoredReply>();

  const reset = (state: CapacityApiState = {}): void => {
    const tier = state.tier ?? 'untiered';
    const registrations = state.registrations ?? generateRegistrations(state.seedCount ?? 0, state.seed ?? 1);
    ledger = new RegistrationLedger(tier, limitForTier(tier, state.limits), registrations);
    unavailable = new Set((state.unavailableDomains ?? []).map((website) => normalizeDomain(website)));
    replies.clear();
  };

  /** Answers with the resolver's JSON, or with the problem of the CapacityError it throws. */
  const serve =
    (resolve: (request: Request, params: Record<string, unknown>) => Promise<Response> | Response) =>
    async ({ request, params }: { request: Request; params: Record<string, unknown> }): Promise<Response> => {
      if (latencyMs > 0) await delay(latencyMs);
      try {
        return await resolve(request, params);
      } catch (error) {
        return problem(error);
      }
    };

  /** A mutation under its Idempotency-Key (required, as the contract says every mutation carries one). */
  const mutate = async (
    request: Request,
    apply: (body: unknown) => { status: number; body: unknown },
  ): Promise<Response> => {
    const key = request.headers.get('Idempotency-Key');
    if (!key) throw new CapacityError('validation', { message: 'A mutating request needs an Idempotency-Key header.' });
    const text = await request.text();
    const storeKey = `${new URL(request.url).pathname}\n${key}`;
    const stored = replies.get(storeKey);
    if (stored) {
      if (stored.request !== text) {
        throw new CapacityError('validation', {
          message: 'This Idempotency-Key was already used for a different request.',
        });
      }
      return HttpResponse.json(stored.body as Record<string, unknown>, { status: stored.status });
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new CapacityError('validation', { message: 'The request body must be JSON.' });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new CapacityError('validation', { message: 'The request body must be a JSON object.' });
    }
    const reply = apply(body);
    replies.set(storeKey, { request: text, ...reply });
    return HttpResponse.json(reply.body as Record<string, unknown>, { status: reply.status });
  };

  const handlers: HttpHandler[] = [
    http.get(
      `${baseUrl}/capacity`,
      serve(() => HttpResponse.json({ ...ledger.capacity() })),
    ),

    http.get(
      `${baseUrl}/registrations`,
      serve((request) => {
        const page = ledger.query(queryFromSearchParams(new URL(request.url).searchParams));
        return HttpResponse.json({ ...page, capacity: ledger.capacity() });
      }),
    ),

    http.get(
      `${baseUrl}/contacts/:contactId/registration`,
      serve((_request, params) => {
        const registration = ledger.byContact(String(params['contactId']));
        if (!registration) throw new CapacityError('not-found', { message: 'This contact has no registration.' });
        return HttpResponse.json({ ...registration });
      }),
    ),

    http.post(
      `${baseUrl}/registrations`,
      serve((request) =>
        mutate(request, (input) => ({
          status: 201,
          body: ledger.register(input as RegisterInput, {
            id: randomUuid(),
            now: new Date(),
            isDomainUnavailable: (domain) => unavailable.has(domain),
          }),
        })),
      ),
    ),

    http.post(
      `${baseUrl}/registrations/deregister`,
      serve((request) =>
        mutate(request, (input) => ({
          status: 200,
          body: ledger.deregister((input as { ids?: unknown }).ids as string[]), // checked by the ledger
        })),
      ),
    ),
  ];

  return {
    baseUrl,
    handlers,
    get ledger() {
      return ledger;
    },
    reset,
  };
}

/** `error` as an `application/problem+json` answer (RFC 9457) with the contract's `code`. */
export function problem(error: unknown): Response {
  if (!(error instanceof CapacityError)) console.error('Mock capacity API: unexpected failure', error);
  const { code, message, capacity, registration } = CapacityError.from(error);
  const status = STATUS_BY_CODE[code] ?? 500;
  return HttpResponse.json(
    {
      type: PROBLEM_TYPE_BASE + code,
      title: defaultMessage(code),
      status,
      detail: message,
      code,
      ...(capacity && { capacity }),
      ...(registration && { registration }),
    },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}
