import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { backendContext } from '../context.js';
import { CapacityError } from '../core/errors.js';
import type { Capacity, CapacityBackend } from '../core/types.js';
import { emit } from '../events.js';
import { capacitySyncFor, type CapacitySnapshot, type CapacitySync } from '../state/capacity-sync.js';
import { assertBackend, ConfigurationError, pageDefaultBackend, restBackendFor } from '../state/resolve-backend.js';

const PROVIDER_PENDING = Symbol('provider pending');

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
  #contextBackend: CapacityBackend | undefined;
  #source: unknown;
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
    host.addController(this);
    new ContextConsumer(host, {
      context: backendContext,
      subscribe: true,
      callback: (backend) => {
        this.#contextBackend = backend;
        host.requestUpdate();
      },
    });
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
    this.#source = undefined;
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

  #resolve(): void {
    const host = this.#host;
    const source = host.backend ?? (host.apiBase?.trim() || undefined) ?? this.#contextBackend ?? this.#pendingProvider();
    if (source === this.#source) return;
    this.#source = source;
    const resolution = ++this.#resolution;
    this.configError = undefined;
    try {
      if (source === PROVIDER_PENDING) return;
      if (typeof source === 'string') this.#use(restBackendFor(source));
      else if (source !== undefined) {
        assertBackend(source);
        this.#use(source);
      } else {
        void pageDefaultBackend().then(
          (backend) => resolution === this.#resolution && this.#use(backend),
          (error: unknown) => resolution === this.#resolution && this.#fail(error),
        );
      }
    } catch (error) {
      this.#fail(error);
    }
  }

  // A <capacity-provider> above this element that has not upgraded yet will provide the backend
  // once it does: waiting for it avoids showing the page default's data for a moment.
  #pendingProvider(): typeof PROVIDER_PENDING | undefined {
    if (customElements.get('capacity-provider')) return undefined;
    for (let node: Node | null = this.#host; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
      if (node instanceof Element && node.localName === 'capacity-provider') {
        void customElements.whenDefined('capacity-provider').then(() => this.#host.requestUpdate());
        return PROVIDER_PENDING;
      }
    }
    return undefined;
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
      if (capacity && (!shown || shown.used !== capacity.used || shown.limit !== capacity.limit || shown.tier !== capacity.tier)) {
        emit(this.#host, 'capacity-change', { capacity });
      }
      this.#host.requestUpdate();
    });
    if (this.#loadCapacity && !this.#snapshot.capacity) this.refresh();
    this.#host.requestUpdate();
  }

  #fail(error: unknown): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#sync = undefined;
    this.configError =
      error instanceof ConfigurationError ? error.message : 'The lead registration widget could not start its storage.';
    console.error(`<${this.#host.localName}>: ${this.configError}`, error instanceof ConfigurationError ? '' : error);
    this.#host.requestUpdate();
  }
}
