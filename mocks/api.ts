import { normalizeDomain } from '../src/core/domain.js';
import { CapacityError, defaultMessage, STATUS_BY_CODE } from '../src/core/errors.js';
import { RegistrationLedger } from '../src/core/ledger.js';
import { queryFromSearchParams } from '../src/core/query.js';
import { limitForTier } from '../src/core/tiers.js';
import type {
  ContactQuery,
  RegisterInput,
  RegisterResult,
  Registration,
  RegistrationPolicy,
  Tier,
} from '../src/core/types.js';
import { randomUuid } from '../src/core/uuid.js';
import { generateRegistrations } from './seed.js';

// The REST API of docs/openapi.json, once, over the Fetch API's Request and Response only: MSW serves
// it in the browser (mocks/handlers.ts) and node:http in Node (scripts/api-server.mjs).

export interface CapacityApiOptions {
  /** Where the API is served; default `/api`. Absolute or root-relative, with or without a trailing slash. */
  baseUrl?: string;
  /** Milliseconds every answer waits, for a demo that feels like a network; default 0. */
  latencyMs?: number;
  /** What "now" is for expiry and renewal (a demo or a test moves it); default the system's clock. */
  clock?: () => Date;
}

/** The server's data after `reset`. */
export interface CapacityApiState {
  /** Default `untiered`. */
  tier?: Tier;
  /** Per-tier limits overriding the standard ones (a partner's custom contract). */
  limits?: Partial<Record<Tier, number>>;
  /** The registrations to serve; when absent, `seedCount` are generated with `generateRegistrations`. */
  registrations?: Registration[];
  /** How many registrations to generate when `registrations` is absent; default 0. */
  seedCount?: number;
  /** Seed of the generated registrations; default 1. */
  seed?: number;
  /** The registration policy (expiry, renewal, review); default none. Generated registrations follow it. */
  policy?: RegistrationPolicy;
  /**
   * Websites or domains that another partner holds: `other-partner` in a contact view,
   * `domain-unavailable` on registering.
   */
  unavailableDomains?: string[];
}

/** The REST API serving one partner's registrations, in memory. */
export interface CapacityApi {
  /** The base URL served, without a trailing slash. */
  readonly baseUrl: string;
  /** The data being served; the same rules as every backend, so tests may read or seed it directly. */
  readonly ledger: RegistrationLedger;
  /** Replaces the data (and forgets idempotency keys); with no argument an empty untiered partner. */
  reset(state?: CapacityApiState): void;
  /** Another partner registers the domain of `website` now (as `unavailableDomains` does from the start). */
  takenByAnotherPartner(website: string): void;
  /** Changes the policy for what comes next (registrations, renewals); the expiries already set stand. */
  setPolicy(policy: RegistrationPolicy): void;
  /** The vendor's review: approves pending registrations; returns those approved. */
  approve(ids: readonly string[]): Registration[];
  /**
   * Answers `request`: JSON, or `application/problem+json` for every failure, a request outside
   * `baseUrl` or an unknown route included (404 `not-found`). Never rejects.
   */
  handle(request: Request): Promise<Response>;
}

type Method = 'GET' | 'POST';

interface Answer {
  status: number;
  /** The body, serialised once: a replay sends the same text. */
  json: string;
}

interface StoredAnswer extends Answer {
  /** The request body the key was first used with. */
  request: string;
}

const PROBLEM_TYPE_BASE = 'https://lead-registration-widget.example/problems/';
const ABSOLUTE_URL = /^[a-z][a-z\d+.-]*:/i;

const answer = (status: number, body: unknown): Answer => ({ status, json: JSON.stringify(body) });

const jsonResponse = ({ status, json }: Answer): Response =>
  new Response(json, { status, headers: { 'Content-Type': 'application/json' } });

/** Creates the API. Its rules are `RegistrationLedger`'s, the same as every backend's. */
export function createCapacityApi(options: CapacityApiOptions = {}): CapacityApi {
  const baseUrl = (options.baseUrl ?? '/api').replace(/\/+$/, '');
  const latencyMs = options.latencyMs ?? 0;
  const clock = options.clock ?? (() => new Date());
  let ledger = new RegistrationLedger('untiered', limitForTier('untiered'), [], { clock });
  let unavailable = new Set<string>();
  const isDomainUnavailable = (domain: string): boolean => unavailable.has(domain);
  // Successful mutations by route and Idempotency-Key: a retried request gets the first answer
  // again instead of being applied twice. Failures are not stored, as nothing was applied.
  const stored = new Map<string, StoredAnswer>();

  const reset = (state: CapacityApiState = {}): void => {
    const tier = state.tier ?? 'untiered';
    const { policy } = state;
    const registrations =
      state.registrations ??
      // Dated by the clock's day, as by today's without one.
      generateRegistrations(state.seedCount ?? 0, state.seed ?? 1, {
        now: Math.floor(clock().getTime() / 86_400_000) * 86_400_000,
        ...(policy && { policy }),
      });
    ledger = new RegistrationLedger(tier, limitForTier(tier, state.limits), registrations, {
      clock,
      ...(policy && { policy }),
    });
    unavailable = new Set((state.unavailableDomains ?? []).map((website) => normalizeDomain(website)));
    stored.clear();
  };

  /** A mutation under its Idempotency-Key (required: the contract says every mutation carries one). */
  const mutate = async (
    request: Request,
    route: string,
    apply: (body: Record<string, unknown>) => Answer,
  ): Promise<Answer> => {
    const key = request.headers.get('Idempotency-Key');
    if (!key) throw new CapacityError('validation', { message: 'A mutating request needs an Idempotency-Key header.' });
    const text = await request.text();
    const storeKey = `${route}\n${key}`;
    const first = stored.get(storeKey);
    if (first) {
      if (first.request !== text) {
        throw new CapacityError('validation', {
          message: 'This Idempotency-Key was already used for a different request.',
        });
      }
      return first;
    }
    const reply = apply(jsonObject(text));
    stored.set(storeKey, { request: text, ...reply });
    return reply;
  };

  const routes = new Map<string, Partial<Record<Method, (request: Request, url: URL) => Answer | Promise<Answer>>>>([
    ['/capacity', { GET: () => answer(200, ledger.capacity()) }],
    [
      '/contact-view',
      {
        GET: (_request, url) => {
          const query: ContactQuery = { contactId: url.searchParams.get('contactId') ?? '' };
          const website = url.searchParams.get('website');
          if (website !== null) query.website = website;
          return answer(200, ledger.contactView(query, isDomainUnavailable));
        },
      },
    ],
    [
      '/registrations',
      {
        GET: (request, url) =>
          answer(200, {
            ...ledger.query(queryFromSearchParams(url.searchParams), acceptedLocale(request)),
            capacity: ledger.capacity(),
          }),
        POST: (request) =>
          mutate(request, '/registrations', (input) => {
            const registration = ledger.register(input as unknown as RegisterInput, {
              id: randomUuid(),
              isDomainUnavailable,
            });
            const result: RegisterResult = { registration, capacity: ledger.capacity() };
            return answer(201, result);
          }),
      },
    ],
    [
      '/registrations/deregister',
      {
        // `ids` is checked by the ledger.
        POST: (request) =>
          mutate(request, '/registrations/deregister', (input) =>
            answer(200, ledger.deregister(input['ids'] as readonly string[])),
          ),
      },
    ],
    [
      '/registrations/renew',
      {
        // `ids` is checked by the ledger; refusals are per id in the 200 answer, not failures.
        POST: (request) =>
          mutate(request, '/registrations/renew', (input) =>
            answer(200, ledger.renew(input['ids'] as readonly string[])),
          ),
      },
    ],
  ]);

  /** The route of `url` below `baseUrl` (`/capacity`), or undefined for a URL outside it. */
  const routeOf = (url: URL): string | undefined => {
    const served = ABSOLUTE_URL.test(baseUrl) ? `${url.origin}${url.pathname}` : url.pathname;
    return served.startsWith(`${baseUrl}/`) ? served.slice(baseUrl.length) : undefined;
  };

  const handle = async (request: Request): Promise<Response> => {
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    try {
      const url = new URL(request.url);
      const route = routeOf(url);
      const resolve = route === undefined ? undefined : routes.get(route)?.[request.method as Method];
      if (!resolve) {
        throw new CapacityError('not-found', { message: `This API has no ${request.method} ${url.pathname}.` });
      }
      return jsonResponse(await resolve(request, url));
    } catch (error) {
      return problem(error);
    }
  };

  return {
    baseUrl,
    get ledger() {
      return ledger;
    },
    reset,
    takenByAnotherPartner: (website) => void unavailable.add(normalizeDomain(website)),
    setPolicy: (policy) => {
      ledger.policy = policy;
    },
    approve: (ids) => ledger.approve(ids),
    handle,
  };
}

/** The first language of a request's Accept-Language (`de-AT, de;q=0.9` → `de-AT`): text sorts and searches in it. */
function acceptedLocale(request: Request): string | undefined {
  const first = request.headers.get('Accept-Language')?.split(',')[0]?.split(';')[0]?.trim();
  try {
    return first && first !== '*' ? Intl.getCanonicalLocales(first)[0] : undefined;
  } catch {
    return undefined;
  }
}

/** A request body that must be a JSON object (`null`, arrays and other values are not). */
function jsonObject(text: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new CapacityError('validation', { message: 'The request body must be JSON.' });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new CapacityError('validation', { message: 'The request body must be a JSON object.' });
  }
  return body as Record<string, unknown>;
}

/** `error` as an `application/problem+json` answer (RFC 9457) with the contract's `code`. */
export function problem(error: unknown): Response {
  if (!(error instanceof CapacityError)) console.error('Mock capacity API: unexpected failure', error);
  const { code, message, capacity, registration } = CapacityError.from(error);
  const status = STATUS_BY_CODE[code] ?? 500;
  const body = {
    type: PROBLEM_TYPE_BASE + code,
    title: defaultMessage(code),
    status,
    detail: message,
    code,
    ...(capacity && { capacity }),
    ...(registration && { registration }),
  };
  // Its words are English, whatever the request asked for: Content-Language says so, and the widget
  // shows its own words for the code in another language.
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Content-Language': 'en' },
  });
}
