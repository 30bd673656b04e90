import type { CapacityBackend } from '../core/types.js';
import { LocalBackend } from '../backends/local-backend.js';
import { RestBackend } from '../backends/rest-backend.js';
import { hostText } from '../host-values.js';
import { englishLocalizer } from '../i18n/localizer.js';
import type { MessageId, MessageValues, Phrase } from '../i18n/types.js';

const BACKEND_METHODS = ['getCapacity', 'getContactView', 'listRegistrations', 'register', 'deregister'] as const;

/** A configuration mistake of the host page, said in words on the element (in its language) and in the console. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  /** The mistake as a phrase of the message catalog, for the element to say; `message` is its English. */
  readonly phrase: Phrase;

  constructor(id: MessageId, values?: MessageValues) {
    const phrase: Phrase = values ? { id, values } : { id };
    super(englishLocalizer.say(phrase));
    this.phrase = phrase;
  }
}

const OWNER_ELEMENT: Phrase = { id: 'config.ownerElement' };

/**
 * Checks that a host-supplied value can serve as a backend, so that a mistake is named in words,
 * not met as a TypeError later. `owner` is who was given it, for the message.
 */
export function assertBackend(value: unknown, owner: Phrase = OWNER_ELEMENT): asserts value is CapacityBackend {
  if (typeof (value as Partial<PromiseLike<unknown>> | null)?.then === 'function') {
    throw new ConfigurationError('config.backendPromise', { owner });
  }
  if (typeof value !== 'object' || value === null) {
    const type = value === null ? 'null' : typeof value;
    const mistake: Phrase = { id: 'config.backendNotObject', values: { owner, type } };
    // A URL string is the likeliest: it belongs in api-base.
    throw typeof value === 'string'
      ? new ConfigurationError('common.sentences', { first: mistake, second: { id: 'config.backendUrl' } })
      : new ConfigurationError(mistake.id, mistake.values);
  }
  const candidate = value as Partial<Record<string, unknown>>;
  const missing = BACKEND_METHODS.filter((method) => typeof candidate[method] !== 'function');
  if (missing.length > 0) {
    throw new ConfigurationError('config.backendMethods', { owner, methods: missing.join(', ') });
  }
}

/**
 * The backend an element or a provider is configured with (docs/contract.md#backend-resolution):
 * its `backend` object, checked, else a RestBackend at its `api-base`; undefined when it has neither.
 * Throws a ConfigurationError that names the mistake.
 */
export function configuredBackend(
  backend: unknown,
  apiBase: string | undefined,
  owner?: Phrase,
): CapacityBackend | undefined {
  // `null` is "none", as `undefined` is; any other value is the host's backend, to be checked.
  if (backend != null) {
    assertBackend(backend, owner);
    return backend;
  }
  const url = hostText(apiBase);
  return url ? restBackendFor(url) : undefined;
}

/** An api-base that gives no URL. */
export function invalidApiBase(apiBase: string): ConfigurationError {
  return new ConfigurationError('config.apiBaseInvalid', { apiBase });
}

/** A provider's mistake, as each element inside it says it. */
export function providerMistake(mistake: ConfigurationError): ConfigurationError {
  return new ConfigurationError('config.provider', { reason: mistake.phrase });
}

const restBackends = new Map<string, RestBackend>();

/** One RestBackend per API URL, so that elements with the same `api-base` share one capacity. */
export function restBackendFor(apiBase: string): RestBackend {
  let url: URL;
  try {
    url = new URL(apiBase.trim(), document.baseURI);
  } catch {
    throw invalidApiBase(apiBase);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError('config.apiBaseScheme', { apiBase });
  }
  const key = url.href.endsWith('/') ? url.href : `${url.href}/`;
  let backend = restBackends.get(key);
  if (!backend) {
    backend = new RestBackend({ baseUrl: key });
    restBackends.set(key, backend);
  }
  return backend;
}

// Shared through the global object so that two copies of the widget on one page still share one store.
const DEFAULT_BACKEND = Symbol.for('lead-registration-widget/default-backend');
type WithDefaultBackend = typeof globalThis & { [DEFAULT_BACKEND]?: Promise<CapacityBackend> };

/**
 * The page's one embedded LocalBackend (IndexedDB), made only when an element needs it. Its storage
 * code is a chunk of its own, loaded on its first call: a page that configures a REST backend never
 * downloads it.
 */
export function pageDefaultBackend(): Promise<CapacityBackend> {
  const global = globalThis as WithDefaultBackend;
  global[DEFAULT_BACKEND] ??= Promise.resolve(new LocalBackend());
  return global[DEFAULT_BACKEND];
}
