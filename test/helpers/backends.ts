import { LocalBackend, type LocalBackendOptions } from '../../src/backends/local-backend.js';
import type {
  CapacityBackend,
  DeregisterResult,
  RegisterInput,
  RegisterResult,
  Registration,
} from '../../src/core/types.js';
import { backendStateFor } from '../../src/state/backend-state.js';

const opened: { backend: LocalBackend; name: string }[] = [];

/**
 * Deletes an IndexedDB database. It waits while a connection is still open, so a test that leaves
 * one open times out instead of passing.
 */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(new Error(`Could not delete ${name}`, { cause: request.error }));
  });
}

/**
 * Deletes an IndexedDB database and says how it went: `blocked` as soon as a connection to it does not close when
 * asked to (a `versionchange` it does not answer), rather than waiting for it. The deletion then stays pending.
 */
export function deletion(name: string): Promise<'deleted' | 'blocked'> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve('deleted');
    request.onblocked = () => resolve('blocked');
    request.onerror = () => reject(new Error(`Could not delete ${name}`, { cause: request.error }));
  });
}

/** A LocalBackend in a database of its own, seeded with `registrations`; removed by `disposeTestBackends()`. */
export async function testBackend(
  registrations: readonly Registration[] = [],
  options: LocalBackendOptions = {},
): Promise<LocalBackend> {
  const name = `lrw-test-${crypto.randomUUID()}`;
  const backend = new LocalBackend({ ...options, name });
  opened.push({ backend, name });
  if (registrations.length > 0) await backend.replaceAll(registrations);
  return backend;
}

/** Disposes every backend made by `testBackend()` and deletes its database: call in `afterEach`. */
export async function disposeTestBackends(): Promise<void> {
  for (const { backend, name } of opened.splice(0)) {
    backend.dispose();
    await new Promise<void>((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  }
}

export type Method = Exclude<keyof CapacityBackend, 'subscribe'>;

/** A call held by a `ControlledBackend` until the test lets it go. */
export interface HeldCall {
  method: Method;
  args: unknown[];
  signal: AbortSignal | undefined;
  /** Runs the real call and settles the caller's promise with its outcome. */
  proceed(): void;
  /** Rejects the caller's promise with `error`. */
  fail(error: unknown): void;
  /**
   * Runs the real call now and resolves when it has answered; the caller gets the answer only when
   * `deliver` is called: a response the server wrote before a change, on a slow network.
   */
  answerLate(): Promise<{ deliver: () => void }>;
}

/**
 * Wraps a backend so that a test decides, call by call, when and how each one settles: for
 * loading states, faults, races and out-of-order responses without timers.
 */
export class ControlledBackend implements CapacityBackend {
  readonly inner: CapacityBackend;
  /** Methods whose calls are held; the others pass straight through. */
  readonly hold = new Set<Method>();
  /** Errors the next calls of a method reject with, one per call. */
  readonly failures = new Map<Method, unknown[]>();
  readonly calls: { method: Method; args: unknown[] }[] = [];
  readonly #held: HeldCall[] = [];
  readonly #waiters: ((call: HeldCall) => void)[] = [];

  /** Present when the inner backend can renew, as a 0.2 host backend cannot. */
  renew: CapacityBackend['renew'];

  constructor(inner: CapacityBackend) {
    this.inner = inner;
    const renew = inner.renew?.bind(inner);
    if (renew) this.renew = (ids, options) => this.#call('renew', [ids, options], () => renew(ids, options));
  }

  /** Makes the next call of `method` reject with `error`. */
  failNext(method: Method, error: unknown): void {
    const queue = this.failures.get(method) ?? [];
    queue.push(error);
    this.failures.set(method, queue);
  }

  /** Resolves with the next held call (already held, or when it arrives). */
  nextHeld(): Promise<HeldCall> {
    const call = this.#held.shift();
    if (call) return Promise.resolve(call);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  getCapacity: CapacityBackend['getCapacity'] = (options) =>
    this.#call('getCapacity', [options], () => this.inner.getCapacity(options));
  getContactView: CapacityBackend['getContactView'] = (query, options) =>
    this.#call('getContactView', [query, options], () => this.inner.getContactView(query, options));
  listRegistrations: CapacityBackend['listRegistrations'] = (query, options) =>
    this.#call('listRegistrations', [query, options], () => this.inner.listRegistrations(query, options));
  register: CapacityBackend['register'] = (input, options) =>
    this.#call('register', [input, options], () => this.inner.register(input, options));
  deregister: CapacityBackend['deregister'] = (ids, options) =>
    this.#call('deregister', [ids, options], () => this.inner.deregister(ids, options));

  subscribe(onChange: () => void): () => void {
    return this.inner.subscribe?.(onChange) ?? (() => undefined);
  }

  #call<T>(method: Method, args: unknown[], run: () => Promise<T>): Promise<T> {
    this.calls.push({ method, args });
    const failure = this.failures.get(method)?.shift();
    if (failure !== undefined) return Promise.reject(failure);
    if (!this.hold.has(method)) return run();
    const options = args[args.length - 1] as { signal?: AbortSignal } | undefined;
    return new Promise<T>((resolve, reject) => {
      const call: HeldCall = {
        method,
        args,
        signal: options?.signal,
        proceed: () => void run().then(resolve, reject),
        fail: reject,
        answerLate: () =>
          run().then(
            (value) => ({ deliver: () => resolve(value) }),
            (error: unknown) => ({ deliver: () => reject(error) }),
          ),
      };
      const waiter = this.#waiters.shift();
      if (waiter) waiter(call);
      else this.#held.push(call);
    });
  }
}

/** Registers through `backend`'s shared state, as an element on the page would: every element on it hears of it. */
export function registerOnPage(backend: CapacityBackend, input: RegisterInput): Promise<RegisterResult> {
  return backendStateFor(backend).register(input, { reporter: document.body, idempotencyKey: crypto.randomUUID() });
}

/** Deregisters through `backend`'s shared state, as the Capacity Manager on the page would. */
export function deregisterOnPage(backend: CapacityBackend, ids: string[]): Promise<DeregisterResult> {
  return backendStateFor(backend).deregister(ids, { reporter: document.body, idempotencyKey: crypto.randomUUID() });
}
