import type { CapacityBackend } from '../core/types.js';
import { LocalBackend } from '../backends/local-backend.js';
import { RestBackend } from '../backends/rest-backend.js';
import { hostText } from '../host-values.js';

const BACKEND_METHODS = ['getCapacity', 'getContactView', 'listRegistrations', 'register', 'deregister'] as const;

/** A configuration mistake of the host page, said in words on the element and in the console. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/**
 * Checks that a host-supplied value can serve as a backend, so that a mistake is named in words,
 * not met as a TypeError later. `owner` is who was given it, for the message.
 */
export function assertBackend(value: unknown, owner = 'this element'): asserts value is CapacityBackend {
  const given = `The backend given to ${owner}`;
  if (typeof (value as Partial<PromiseLike<unknown>> | null)?.then === 'function') {
    throw new ConfigurationError(`${given} is a Promise: await it and set the backend it resolves to.`);
  }
  if (typeof value !== 'object' || value === null) {
    // A URL string is the likeliest: it belongs in api-base.
    const hint = typeof value === 'string' ? ' For a REST backend at a URL, set the api-base attribute instead.' : '';
    throw new ConfigurationError(
      `${given} is ${value === null ? 'null' : `a ${typeof value}`}, not an object that implements CapacityBackend.${hint}`,
    );
  }
  const candidate = value as Partial<Record<string, unknown>>;
  const missing = BACKEND_METHODS.filter((method) => typeof candidate[method] !== 'function');
  if (missing.length > 0) {
    throw new ConfigurationError(`${given} is missing ${missing.join(', ')}. It must implement CapacityBackend.`);
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
  owner?: string,
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
  return new ConfigurationError(`The api-base “${apiBase}” is not a valid URL.`);
}

/** A provider's mistake, as each element inside it says it. */
export function providerMistake(mistake: ConfigurationError): ConfigurationError {
  return new ConfigurationError(`The <capacity-provider> around this element cannot be used. ${mistake.message}`);
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
    throw new ConfigurationError(`The api-base “${apiBase}” must be an http or https URL.`);
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
