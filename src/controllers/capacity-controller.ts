import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost, ReactiveElement } from 'lit';
import { backendContext } from '../context.js';
import { CapacityError } from '../core/errors.js';
import type { Capacity, CapacityBackend } from '../core/types.js';
import { emit } from '../events.js';
import { capacitySyncFor, type CapacitySnapshot, type CapacitySync } from '../state/capacity-sync.js';
import { assertBackend, ConfigurationError, pageDefaultBackend, restBackendFor } from '../state/resolve-backend.js';

/**
 * Where an element's backend comes from (contract section 3, in that order). Kept apart so that a
 * string set as `backend` is a mistake to name, not a URL to call.
 */
type Source =
  | { from: 'backend'; value: unknown }
  | { from: 'api-base'; value: string }
  | { from: 'provider'; value: CapacityBackend | ConfigurationError }
  | { from: 'provider-pending' | 'page-default' | 'unresolved'; value?: undefined };

/** An element that shows capacity data: it may name its backend itself, or leave it to its context. */
export interface CapacityHost extends ReactiveControllerHost, HTMLElement {
  backend: CapacityBackend | undefined;
  apiBase: string | undefined;
}

/**
 * Resolves an element's backend (contract section 3: own `backend`, own `api-base`, the nearest
 * `<capacity-provider>`, the page's LocalBackend) and keeps the element on that backend's shared
 * capacity. Every element uses this, so the resolution order and the sharing exist once.
 */
export class CapacityController implements ReactiveController {
  readonly #host: CapacityHost;
  readonly #loadCapacity: boolean;
  readonly #consumer: ContextConsumer<typeof backendContext, CapacityHost>;
  #contextBackend: CapacityBackend | ConfigurationError | undefined;
  #waitingForProvider = false;
  #source: Source = { from: 'unresolved' };
  #resolution = 0;
  #unsubscribe: (() => void) | undefined;
  #sync: CapacitySync | undefined;
  #snapshot: CapacitySnapshot = { capacity: undefined, revision: 0 };

  /** A mistake in the host's configuration, in words; the element shows it instead of its content. */
  configError: string | undefined;
  /** Why the capacity could not be read, until a read succeeds. */
  capacityError: CapacityError | undefined;

  constructor(host: CapacityHost, options: { loadCapacity?: boolean } = {}) {
    this.#host = host;
    this.#loadCapacity = options.loadCapacity ?? true;
    // The consumer first, so that on connection the provider has answered before this resolves:
    // otherwise every element under a provider would open the page's default store for a moment.
    this.#consumer = new ContextConsumer(host, {
      context: backendContext,
      subscribe: true,
      callback: (backend) => {
        this.#contextBackend = backend;
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  /** The resolved backend's shared state; undefined while the backend is being resolved. */
  get sync(): CapacitySync | undefined {
    return this.#sync;
  }

  get backend(): CapacityBackend | undefined {
    return this.#sync?.backend;
  }

  get capacity(): Capacity | undefined {
    return this.#snapshot.capacity;
  }

  /** Bumps whenever registrations change through any element or in another tab: reload on change. */
  get revision(): number {
    return this.#snapshot.revision;
  }

  hostConnected(): void {
    this.#resolve();
  }

  hostUpdate(): void {
    this.#resolve();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#sync = undefined;
    this.#source = { from: 'unresolved' };
  }

  /** Reads the capacity again (the Retry of a failed read). */
  refresh(): void {
    const sync = this.#sync;
    if (!sync) return;
    this.capacityError = undefined;
    this.#host.requestUpdate();
    sync.refreshCapacity().catch((error: unknown) => {
      if (this.#sync !== sync) return;
      this.capacityError = this.report(error);
      this.#host.requestUpdate();
    });
  }

  /**
   * Turns a failed call into a CapacityError and tells the host page with `lead-registration-error`
   * (not for an abort: that is this element's own doing, not a failure).
   */
  report(error: unknown): CapacityError {
    const capacityError = CapacityError.from(error);
    if (capacityError.code !== 'aborted') emit(this.#host, 'lead-registration-error', { error: capacityError });
    return capacityError;
  }

  #currentSource(): Source {
    const host = this.#host;
    // `null` is "none", as `undefined` is; any other value is the host's backend, to be checked.
    if (host.backend != null) return { from: 'backend', value: host.backend };
    const apiBase = host.apiBase?.trim();
    if (apiBase) return { from: 'api-base', value: apiBase };
    if (this.#contextBackend) return { from: 'provider', value: this.#contextBackend };
    return this.#providerPending() ? { from: 'provider-pending' } : { from: 'page-default' };
  }

  #resolve(): void {
    const source = this.#currentSource();
    if (source.from === this.#source.from && source.value === this.#source.value) return;
    this.#source = source;
    const resolution = ++this.#resolution;
    this.configError = undefined;
    try {
      switch (source.from) {
        case 'backend':
          assertBackend(source.value);
          this.#use(source.value);
          break;
        case 'api-base':
          this.#use(restBackendFor(source.value));
          break;
        case 'provider':
          // The provider has said its own mistake in the console; this element shows it.
          if (source.value instanceof ConfigurationError) this.#fail(source.value, { log: false });
          else this.#use(source.value);
          break;
        case 'page-default':
          void pageDefaultBackend().then(
            (backend) => resolution === this.#resolution && this.#use(backend),
            (error: unknown) => resolution === this.#resolution && this.#fail(error),
          );
          break;
        default:
      }
    } catch (error) {
      this.#fail(error);
    }
  }

  // A <capacity-provider> above this element that has not upgraded, or not yet rendered, will provide
  // the backend once it has: waiting for it avoids loading the page default's data for a moment.
  #providerPending(): boolean {
    const provider = closestProvider(this.#host);
    if (!provider) return false;
    const defined = customElements.get('capacity-provider') !== undefined;
    const lit = provider as Partial<ReactiveElement>;
    // Defined but not upgraded (its constructor threw): there is nothing to wait for.
    if (defined && (lit.hasUpdated ?? true)) return false;
    if (!this.#waitingForProvider) {
      this.#waitingForProvider = true;
      void customElements
        .whenDefined('capacity-provider')
        .then(() => lit.updateComplete)
        .finally(() => {
          this.#waitingForProvider = false;
          // Its first request found no provider to answer it: ask the one that is there now.
          if (this.#host.isConnected) this.#consumer.hostConnected(); // which sends the request again
          this.#host.requestUpdate();
        });
    }
    return true;
  }

  #use(backend: CapacityBackend): void {
    if (this.#sync?.backend === backend) return;
    this.#unsubscribe?.();
    const sync = capacitySyncFor(backend);
    this.#sync = sync;
    this.#snapshot = sync.snapshot;
    this.capacityError = undefined;
    this.#unsubscribe = sync.subscribe((snapshot) => {
      const shown = this.#snapshot.capacity;
      this.#snapshot = snapshot;
      this.capacityError = undefined;
      const capacity = snapshot.capacity;
      // A change of the capacity shown, not its first load: that follows the host's setup, not activity.
      if (
        capacity &&
        shown &&
        (shown.used !== capacity.used || shown.limit !== capacity.limit || shown.tier !== capacity.tier)
      ) {
        emit(this.#host, 'capacity-change', { capacity });
      }
      this.#host.requestUpdate();
    });
    if (this.#loadCapacity && !this.#snapshot.capacity) this.refresh();
    this.#host.requestUpdate();
  }

  #fail(error: unknown, { log = true } = {}): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#sync = undefined;
    const mistake = error instanceof ConfigurationError;
    this.configError = mistake ? error.message : 'The lead registration widget could not start its storage.';
    if (log) {
      if (mistake) console.error(`<${this.#host.localName}>: ${this.configError}`);
      else console.error(`<${this.#host.localName}>: ${this.configError}`, error);
    }
    this.#host.requestUpdate();
  }
}

/** The nearest `<capacity-provider>` around `element`, across shadow roots. */
function closestProvider(element: Element): Element | undefined {
  for (let node: Node | null = element.parentNode; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node instanceof Element && node.localName === 'capacity-provider') return node;
  }
  return undefined;
}
