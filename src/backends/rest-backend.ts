import {
  CapacityError,
  isCapacityErrorCode,
  STATUS_BY_CODE,
  type CapacityErrorCode,
  type CapacityErrorDetails,
} from '../core/errors.js';
import {
  capacityFrom,
  contactViewFrom,
  deregisterResultFrom,
  registerResultFrom,
  registrationPageFrom,
  renewResultFrom,
} from '../core/answers.js';
import { registrationFrom } from '../core/records.js';
import type {
  CallOptions,
  Capacity,
  CapacityBackend,
  ContactQuery,
  ContactView,
  DeregisterResult,
  RegisterInput,
  RegisterResult,
  RegistrationPage,
  RegistrationQuery,
  RenewResult,
} from '../core/types.js';
import { randomUuid } from '../core/uuid.js';

export interface RestBackendOptions {
  /**
   * Base URL of the REST API (docs/contract.md#5-the-rest-api): absolute or relative to the page, with or without a
   * trailing slash.
   */
  baseUrl: string;
  /**
   * Headers for every request, or a function (it may be async) called before each request, so
   * that a host can hand in a fresh token every time. Nothing of them is stored.
   */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** How long one request may take before it fails with `timeout`; default 10,000 ms. */
  timeoutMs?: number;
  /** The `fetch` to use (e.g. one that adds `credentials: 'include'`); default the page's. */
  fetch?: typeof fetch;
}

interface Reply {
  ok: boolean;
  status: number;
  /** The parsed JSON body; undefined when there was none or it was not JSON. */
  body: unknown;
  /** The language of the answer's text (`Content-Language`, its first tag), where the server says it. */
  lang: string | undefined;
}

/** An answer's body as `T` (a 0.2 server's completed with the defaults), or undefined when it cannot be one. */
type Read<T> = (value: unknown) => T | undefined;

// Statuses at which a read is worth one more try: the gateway or the service was briefly away.
const RETRY_STATUSES = [502, 503, 504];
const RETRY_DELAY_MS = 300;
const REFRESH_THROTTLE_MS = 1000;

// A status used by exactly one code names that code (401 → unauthorized); a shared one (409) or an
// unknown one falls back to `server`.
const CODE_BY_STATUS = new Map<number, CapacityErrorCode | undefined>();
for (const [code, status] of Object.entries(STATUS_BY_CODE) as [CapacityErrorCode, number][]) {
  CODE_BY_STATUS.set(status, CODE_BY_STATUS.has(status) ? undefined : code);
}

/** The query as URL parameters of `GET /registrations`; defaults are left out. */
export function queryToSearchParams(query: RegistrationQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set('search', query.search);
  if (query.filter) params.set('filter', query.filter);
  if (query.sort) params.set('sort', query.sort);
  if (query.order) params.set('order', query.order);
  if (query.page !== undefined) params.set('page', String(query.page));
  if (query.pageSize !== undefined) params.set('pageSize', String(query.pageSize));
  return params;
}

/**
 * The REST API of docs/contract.md#5-the-rest-api over `fetch`. It constructs anywhere, a server that
 * renders the page included: a relative `baseUrl` is resolved against the page once there is one.
 */
export class RestBackend implements CapacityBackend {
  readonly #givenUrl: string;
  #baseUrl: string | undefined;
  readonly #headers: RestBackendOptions['headers'];
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(options: RestBackendOptions) {
    this.#givenUrl = options.baseUrl;
    // Resolved now where it can be (an absolute URL; a relative one in a page), so that a malformed one throws here.
    if (URL.canParse(options.baseUrl) || pageUrl()) this.#baseUrl = absoluteBaseUrl(options.baseUrl);
    this.#headers = options.headers;
    // setTimeout fires at once for delays past 2^31 - 1 ms.
    this.#timeoutMs = Math.min(options.timeoutMs ?? 10_000, 2 ** 31 - 1);
    // Looked up per call, not bound once, so that a fetch patched later (by a test tool) is used.
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /**
   * The API's absolute base URL, always ending in `/`. A relative one given outside a page (on a server) cannot be
   * resolved there: reading it throws, and a call rejects with `network`.
   */
  get baseUrl(): string {
    return (this.#baseUrl ??= absoluteBaseUrl(this.#givenUrl));
  }

  async getCapacity(options?: CallOptions): Promise<Capacity> {
    return expect(await this.#request('GET', 'capacity', options), capacityFrom);
  }

  async getContactView(query: ContactQuery, options?: CallOptions): Promise<ContactView> {
    const params = new URLSearchParams({ contactId: query.contactId });
    if (query.website) params.set('website', query.website);
    return expect(await this.#request('GET', `contact-view?${params.toString()}`, options), contactViewFrom);
  }

  async listRegistrations(query: RegistrationQuery, options?: CallOptions): Promise<RegistrationPage> {
    const params = queryToSearchParams(query).toString();
    return expect(
      await this.#request('GET', params ? `registrations?${params}` : 'registrations', options),
      registrationPageFrom,
    );
  }

  async register(input: RegisterInput, options?: CallOptions): Promise<RegisterResult> {
    return expect(await this.#request('POST', 'registrations', options, input), registerResultFrom);
  }

  async deregister(ids: string[], options?: CallOptions): Promise<DeregisterResult> {
    return expect(await this.#request('POST', 'registrations/deregister', options, { ids }), deregisterResultFrom);
  }

  /** `POST /registrations/renew`: a server of 0.2 has no such route, and answers 404 `not-found`. */
  async renew(ids: string[], options?: CallOptions): Promise<RenewResult> {
    return expect(await this.#request('POST', 'registrations/renew', options, { ids }), renewResultFrom);
  }

  /**
   * A server cannot push, so changes made elsewhere are picked up when the partner comes back to
   * the page: when it becomes visible again or the window regains focus (at most once a second,
   * as both happen on one tab switch).
   */
  subscribe(onChange: () => void): () => void {
    let last = -Infinity;
    const check = (): void => {
      const now = performance.now();
      if (document.visibilityState !== 'visible' || now - last < REFRESH_THROTTLE_MS) return;
      last = now;
      onChange();
    };
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    return () => {
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
    };
  }

  /** One call: reads are tried once more after a network failure or a 502/503/504; mutations never are. */
  async #request(method: 'GET' | 'POST', path: string, options: CallOptions = {}, body?: unknown): Promise<Reply> {
    if (options.signal?.aborted) throw new CapacityError('aborted', { cause: options.signal.reason });
    // One key for every try of this call, so that the server applies the action once.
    const key = method === 'POST' ? (options.idempotencyKey ?? randomUuid()) : undefined;
    for (let attempt = 1; ; attempt++) {
      const last = method !== 'GET' || attempt > 1;
      try {
        const reply = await this.#send(method, path, options, body, key);
        if (last || !RETRY_STATUSES.includes(reply.status)) return reply;
      } catch (error) {
        if (last || (error as CapacityError).code !== 'network') throw error;
      }
      await pause(RETRY_DELAY_MS, options.signal);
    }
  }

  async #send(
    method: string,
    path: string,
    { signal, locale }: CallOptions,
    body: unknown,
    key: string | undefined,
  ): Promise<Reply> {
    let headers: Headers;
    try {
      headers = new Headers(typeof this.#headers === 'function' ? await this.#headers() : this.#headers);
    } catch (error) {
      throw CapacityError.from(error);
    }
    headers.set('Accept', 'application/json, application/problem+json');
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    if (key) headers.set('Idempotency-Key', key);
    // The partner's language, for the words of a failure; the host's own Accept-Language, if it sets one, stands.
    if (locale && !headers.has('Accept-Language')) headers.set('Accept-Language', acceptLanguage(locale));

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = !controller.signal.aborted;
      controller.abort();
    }, this.#timeoutMs);
    const abort = (): void => controller.abort();
    signal?.addEventListener('abort', abort);
    try {
      if (signal?.aborted) controller.abort();
      const response = await this.#fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: controller.signal,
      });
      // The timeout covers the body too: a server may stall half-way through it.
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      const lang = response.headers.get('Content-Language')?.split(',')[0]?.trim() || undefined;
      return { ok: response.ok, status: response.status, body: parsed, lang };
    } catch (error) {
      throw new CapacityError(timedOut ? 'timeout' : signal?.aborted ? 'aborted' : 'network', { cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    }
  }
}

/** `de-AT` as `de-AT, de;q=0.9`: a server with German but not Austrian German answers in German. */
function acceptLanguage(locale: string): string {
  const language = locale.split('-')[0];
  return language && language !== locale ? `${locale}, ${language};q=0.9` : locale;
}

/** The success body of `reply` as `read` makes it; otherwise the failure it stands for. */
function expect<T>(reply: Reply, read: Read<T>): T {
  if (!reply.ok) throw problemError(reply);
  const body = read(reply.body);
  if (body === undefined) throw new CapacityError('bad-response', { status: reply.status });
  return body;
}

function problemOf(reply: Reply): Record<string, unknown> {
  return typeof reply.body === 'object' && reply.body !== null ? (reply.body as Record<string, unknown>) : {};
}

/** A failed reply as a CapacityError: the problem's `code` if the API sent a known one, else by status. */
function problemError(reply: Reply): CapacityError {
  const { code, detail, registration, capacity } = problemOf(reply);
  const details: CapacityErrorDetails = { status: reply.status };
  if (typeof detail === 'string' && detail.trim() !== '') {
    details.message = detail;
    if (reply.lang) details.lang = reply.lang;
  }
  const holder = registrationFrom(registration);
  if (holder) details.registration = holder;
  const counted = capacityFrom(capacity);
  if (counted) details.capacity = counted;
  return new CapacityError(isCapacityErrorCode(code) ? code : (CODE_BY_STATUS.get(reply.status) ?? 'server'), details);
}

/** The page's base URL; undefined on a server, where even a DOM shim's `document` has none. */
function pageUrl(): string | undefined {
  return globalThis.document?.baseURI;
}

/** `baseUrl` resolved against the page, without query or fragment, ending in `/`. */
function absoluteBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl, pageUrl());
  url.search = url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** Waits `ms` before a retry; the caller's abort ends the wait at once. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = (): void => {
      clearTimeout(timer);
      reject(new CapacityError('aborted', { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    if (signal?.aborted) stop();
    else signal?.addEventListener('abort', stop, { once: true });
  });
}
