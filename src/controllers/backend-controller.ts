import { ContextConsumer } from '@lit/context';
import { isServer, type ReactiveController, type ReactiveControllerHost, type ReactiveElement } from 'lit';
import { backendContext } from '../context.js';
import { CapacityError } from '../core/errors.js';
import type { Capacity, CapacityBackend } from '../core/types.js';
import { emit } from '../events.js';
import { hostText } from '../host-values.js';
import { englishLocalizer, type Localizer } from '../i18n/localizer.js';
import type { Phrase } from '../i18n/types.js';
import { backendStateFor, sameCapacity, type BackendState, type StateChange } from '../state/backend-state.js';
import {
  ConfigurationError,
  configuredBackend,
  invalidApiBase,
  pageDefaultBackend,
  providerMistake,
} from '../state/resolve-backend.js';

/** Where an element's backend comes from, in the order of docs/contract.md#backend-resolution. */
type Source =
  | { from: 'own'; backend: unknown; apiBase: string | undefined }
  | { from: 'provider'; value: CapacityBackend | ConfigurationError }
  | { from: 'provider-pending' | 'page-default' | 'unresolved' };

export interface BackendControllerOptions {
  /**
   * Whether the element reads the capacity itself (the meter). The others learn it from the answers
   * of their own reads (a contact's view, a page of registrations), which carry it.
   */
  readsCapacity?: boolean;
  /** Called for every change of the backend's shared state, before the host updates. */
  onChange?: (change: StateChange) => void;
}

/** An element configured with a backend object or the URL of a REST backend (see BackendHost). */
export interface BackendHost extends ReactiveControllerHost, HTMLElement {
  backend: CapacityBackend | undefined;
  apiBase: string | undefined;
  /** The element's language: its calls carry it (see LocalizedElement). */
  localizer: Localizer;
}

/** Elements that render other widget elements inside their shadow root, which speak through their host. */
const COMPOSITE_HOSTS = new Set(['lead-registration-card', 'capacity-manager', 'capacity-manager-panel']);

/**
 * Finds an element's backend (its own `backend`, its own `api-base`, the nearest `<capacity-provider>`,
 * the page's LocalBackend), keeps the element on that backend's shared state, and tells the page when
 * the capacity the element shows changes. Every element uses this, so the resolution order and the
 * sharing exist once.
 */
export class BackendController implements ReactiveController {
  readonly #host: BackendHost;
  readonly #options: BackendControllerOptions;
  readonly #consumer: ContextConsumer<typeof backendContext, BackendHost>;
  #contextBackend: CapacityBackend | ConfigurationError | undefined;
  #waitingForProvider = false;
  #source: Source = { from: 'unresolved' };
  #resolution = 0;
  #state: BackendState | undefined;
  #unsubscribe: (() => void) | undefined;
  /** The capacity last shown, to tell a change from the first load. */
  #shown: Capacity | undefined;
  /** The state's revision when this element last heard from it: a change while it was away is caught up. */
  #seenRevision = 0;

  /** A mistake in the host's configuration; the element says it, in its language, instead of its content. */
  configError: Phrase | undefined;
  /** Why the capacity could not be read (elements that read it), until it is known. */
  capacityError: CapacityError | undefined;

  constructor(host: BackendHost, options: BackendControllerOptions = {}) {
    this.#host = host;
    this.#options = options;
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
  get state(): BackendState | undefined {
    return this.#state;
  }

  get backend(): CapacityBackend | undefined {
    return this.#state?.backend;
  }

  get capacity(): Capacity | undefined {
    return this.#state?.capacity;
  }

  // Never on a server that renders the page (a renderer may call connectedCallback there): no backend is chosen, no
  // request made, and the element renders its loading state.
  hostConnected(): void {
    if (!isServer) this.#resolve();
  }

  hostUpdate(): void {
    // Lit updates an element that has left the page too: it resolves again only once it is back. On a
    // server it renders its loading state and resolves nothing.
    if (!isServer && this.#host.isConnected) this.#resolve();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#source = { from: 'unresolved' };
    this.#resolution++; // a resolution under way is for a page the element has left
  }

  /** Reads the capacity (elements that show it and read it themselves; the Retry of a failed read). */
  readCapacity(): void {
    const state = this.#state;
    if (!state) return;
    this.capacityError = undefined;
    this.#host.requestUpdate();
    state.readCapacity({ reporter: this.#host, locale: this.#host.localizer.locale }).catch((error: unknown) => {
      if (this.#state !== state || state.capacity) return;
      this.capacityError = CapacityError.from(error);
      this.#host.requestUpdate();
    });
  }

  #currentSource(): Source {
    const { backend, apiBase } = this.#host;
    if (backend != null || hostText(apiBase)) return { from: 'own', backend, apiBase };
    if (this.#contextBackend) return { from: 'provider', value: this.#contextBackend };
    return this.#providerPending() ? { from: 'provider-pending' } : { from: 'page-default' };
  }

  #resolve(): void {
    const source = this.#currentSource();
    if (sameSource(source, this.#source)) return;
    this.#source = source;
    const resolution = ++this.#resolution;
    this.configError = undefined;
    try {
      if (source.from === 'own') this.#use(configuredBackend(source.backend, source.apiBase)!);
      else if (source.from === 'provider') {
        // The provider has said its own mistake in the console; this element shows it.
        if (source.value instanceof ConfigurationError) this.#fail(source.value, false);
        else this.#use(source.value);
      } else if (source.from === 'page-default') {
        // Not at once: a host that sets `backend` just after adding the element (React 18 from an effect) would find
        // the embedded store opened, and a database made in its origin.
        void hostsChance()
          .then(() => {
            if (resolution !== this.#resolution) return;
            const mistake = unusableAttribute(this.#host);
            if (mistake) return this.#fail(mistake, false);
            return pageDefaultBackend().then((backend) => resolution === this.#resolution && this.#use(backend));
          })
          .catch((error: unknown) => resolution === this.#resolution && this.#fail(error));
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
    const state = backendStateFor(backend);
    const same = this.#state === state;
    this.#unsubscribe?.();
    this.#state = state;
    this.#unsubscribe = state.subscribe((change) => this.#onChange(change));
    if (!same) {
      this.#shown = state.capacity;
      this.capacityError = undefined;
    } else if (state.revision !== this.#seenRevision) {
      // Back on the page after registrations changed: what it shows may be old.
      this.#onChange({ type: 'elsewhere' });
    }
    this.#seenRevision = state.revision;
    if (this.#options.readsCapacity && !state.capacity) this.readCapacity();
    this.#host.requestUpdate();
  }

  #onChange(change: StateChange): void {
    const state = this.#state!;
    this.#seenRevision = state.revision;
    const capacity = state.capacity;
    const shown = this.#shown;
    this.#shown = capacity;
    if (capacity) this.capacityError = undefined;
    // A change of the capacity shown, not its first load: that follows the host's setup, not activity.
    // An element inside another widget element's shadow root leaves telling the page to that element.
    if (capacity && shown && !sameCapacity(shown, capacity) && !this.#isComposed()) {
      emit(this.#host, 'capacity-change', { capacity });
    }
    if (change.type === 'elsewhere' && this.#options.readsCapacity) this.readCapacity();
    this.#options.onChange?.(change);
    this.#host.requestUpdate();
  }

  #isComposed(): boolean {
    const root = this.#host.getRootNode();
    return root instanceof ShadowRoot && COMPOSITE_HOSTS.has(root.host.localName);
  }

  #fail(error: unknown, log = true): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#state = undefined;
    const mistake = error instanceof ConfigurationError;
    this.configError = mistake ? error.phrase : { id: 'config.storage' };
    // In English, the developer's language, whatever the page's.
    if (log)
      console.error(
        `<${this.#host.localName}>: ${englishLocalizer.say(this.configError)}`,
        ...(mistake ? [] : [error]),
      );
    this.#host.requestUpdate();
  }
}

function sameSource(a: Source, b: Source): boolean {
  if (a.from !== b.from) return false;
  if (a.from === 'own' && b.from === 'own') return a.backend === b.backend && a.apiBase === b.apiBase;
  if (a.from === 'provider' && b.from === 'provider') return a.value === b.value;
  return true;
}

/**
 * Resolves once a host page has had its chance to give an element it has just added a backend: the rest of the task
 * that added it, and the next frame (React 18 sets properties from effects, which run by then). A page in the
 * background has no frames: it waits 100 ms at most.
 */
function hostsChance(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 100);
  });
}

let saidUnusable = false;

/**
 * A `backend` or `api-base` attribute that gave no backend, found where the element would take the page's embedded
 * store: on the element, on the widget element it is rendered in (the card's manager), or on its provider. A framework
 * that sets every prop as an attribute (React 18) wrote `backend="[object Object]"`, or a template wrote
 * `api-base="undefined"`. The element says so rather than take the store; the console hears it once per page.
 */
function unusableAttribute(host: Element): ConfigurationError | undefined {
  const root = host.getRootNode();
  const composite = root instanceof ShadowRoot && COMPOSITE_HOSTS.has(root.host.localName) ? root.host : undefined;
  const holder = [host, composite, closestProvider(host)].find((element) => element?.matches('[backend], [api-base]'));
  if (!holder) return undefined;
  const backend = holder.getAttribute('backend');
  const mistake =
    backend === null
      ? invalidApiBase(holder.getAttribute('api-base')!)
      : new ConfigurationError('config.backendAttribute', { value: backend });
  if (!saidUnusable) console.warn(`<${holder.localName}>: ${mistake.message} (docs/embedding.md)`);
  saidUnusable = true;
  return holder.localName === 'capacity-provider' ? providerMistake(mistake) : mistake;
}

/** The nearest `<capacity-provider>` around `element`, across shadow roots. */
function closestProvider(element: Element): Element | undefined {
  for (let node: Node | null = element.parentNode; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node instanceof Element && node.localName === 'capacity-provider') return node;
  }
  return undefined;
}
