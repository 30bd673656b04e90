import { CapacityError } from '../src/core/errors.js';
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
} from '../src/core/types.js';
import type { DemoSettings } from './settings.js';

export type Faults = Pick<DemoSettings, 'latency' | 'failure'>;

/** How long a call may take in the demo's "timeout" mode before it fails. */
export const DEMO_TIMEOUT_MS = 3000;

export function hasFaults(faults: Faults): boolean {
  return faults.latency > 0 || faults.failure !== 'none';
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CapacityError('aborted'));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new CapacityError('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * The same latency and failures for a backend that does not go over the network (the LocalBackend):
 * each call waits, then fails as a REST backend would have, or goes through.
 */
export class FaultyBackend implements CapacityBackend {
  readonly inner: CapacityBackend;
  readonly #faults: Faults;

  constructor(inner: CapacityBackend, faults: Faults) {
    this.inner = inner;
    this.#faults = faults;
  }

  getCapacity(options?: CallOptions): Promise<Capacity> {
    return this.#call(options, () => this.inner.getCapacity(options));
  }

  getContactView(query: ContactQuery, options?: CallOptions): Promise<ContactView> {
    return this.#call(options, () => this.inner.getContactView(query, options));
  }

  listRegistrations(query: RegistrationQuery, options?: CallOptions): Promise<RegistrationPage> {
    return this.#call(options, () => this.inner.listRegistrations(query, options));
  }

  register(input: RegisterInput, options?: CallOptions): Promise<RegisterResult> {
    return this.#call(options, () => this.inner.register(input, options));
  }

  deregister(ids: string[], options?: CallOptions): Promise<DeregisterResult> {
    return this.#call(options, () => this.inner.deregister(ids, options));
  }

  renew(ids: string[], options?: CallOptions): Promise<RenewResult> {
    return this.#call(options, () => this.inner.renew!(ids, options));
  }

  subscribe(onChange: () => void): () => void {
    return this.inner.subscribe?.(onChange) ?? (() => {});
  }

  async #call<T>(options: CallOptions | undefined, call: () => Promise<T>): Promise<T> {
    const { latency, failure } = this.#faults;
    if (failure === 'timeout') {
      await wait(DEMO_TIMEOUT_MS, options?.signal);
      throw new CapacityError('timeout');
    }
    if (latency > 0) await wait(latency, options?.signal);
    if (failure === '500') throw new CapacityError('server', { status: 500 });
    if (failure === '401') throw new CapacityError('unauthorized', { status: 401 });
    return call();
  }
}
