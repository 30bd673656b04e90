import { ERROR_MESSAGES as MESSAGES } from './messages.js';
import type { Capacity, Registration } from './types.js';

export type CapacityErrorCode =
  | 'capacity-exceeded'
  | 'domain-already-registered'
  | 'contact-already-registered'
  | 'domain-unavailable'
  | 'invalid-website'
  | 'validation'
  | 'not-found'
  | 'unauthorized'
  | 'forbidden'
  | 'timeout'
  | 'network'
  | 'server'
  | 'bad-response'
  | 'aborted';

/** HTTP statuses the REST API uses for each code (docs/contract.md#5-the-rest-api). */
export const STATUS_BY_CODE: Readonly<Partial<Record<CapacityErrorCode, number>>> = {
  'capacity-exceeded': 409,
  'domain-already-registered': 409,
  'contact-already-registered': 409,
  'domain-unavailable': 409,
  'invalid-website': 422,
  validation: 400,
  'not-found': 404,
  unauthorized: 401,
  forbidden: 403,
  server: 500,
};

const CODES = new Set(Object.keys(MESSAGES));

export function isCapacityErrorCode(value: unknown): value is CapacityErrorCode {
  return typeof value === 'string' && CODES.has(value);
}

/** Codes worth a Retry button: the same call may succeed later. */
export function isTransient(code: CapacityErrorCode): boolean {
  return code === 'timeout' || code === 'network' || code === 'server' || code === 'bad-response';
}

export function defaultMessage(code: CapacityErrorCode): string {
  return MESSAGES[code];
}

export interface CapacityErrorDetails {
  message?: string;
  /** The language of `message` (a BCP 47 tag); default `en`. A server's answer may be in the partner's language. */
  lang?: string;
  status?: number;
  registration?: Registration;
  capacity?: Capacity;
  cause?: unknown;
}

/** Marks a CapacityError of every copy of the package that a page holds (see `CapacityError.is`). */
const BRAND = Symbol.for('lead-registration-widget/CapacityError');

/** Every failure of a backend call rejects with this. `message` is fit to show a person. */
export class CapacityError extends Error {
  static {
    Object.defineProperty(this.prototype, BRAND, { value: true });
  }

  override readonly name = 'CapacityError';
  readonly code: CapacityErrorCode;
  /** The HTTP status, where the failure came over HTTP. */
  readonly status?: number;
  /** The registration in the way (`domain-already-registered`, `contact-already-registered`). */
  readonly registration?: Registration;
  /** The capacity at the time of failure (`capacity-exceeded`). */
  readonly capacity?: Capacity;
  /**
   * The language of a `message` given to it (a BCP 47 tag, `en` unless said); undefined when the message
   * is the default. The elements show a given message when it is in their language, and their own words
   * for the code otherwise.
   */
  readonly lang?: string;

  constructor(code: CapacityErrorCode, details: CapacityErrorDetails = {}) {
    super(details.message ?? MESSAGES[code], details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    if (details.status !== undefined) this.status = details.status;
    if (details.registration) this.registration = details.registration;
    if (details.capacity) this.capacity = details.capacity;
    if (details.message !== undefined) this.lang = details.lang ?? 'en';
  }

  /**
   * Whether `value` is a CapacityError, also one made by another copy of the package on the page (a micro-frontend's
   * own, a bundle's beside the script tag), whose class is another. `instanceof CapacityError` asks this too.
   */
  static is(value: unknown): value is CapacityError {
    return typeof value === 'object' && value !== null && (value as Partial<Record<symbol, unknown>>)[BRAND] === true;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    // A subclass keeps the usual meaning: instances of that class.
    return this === CapacityError ? CapacityError.is(value) : Function.prototype[Symbol.hasInstance].call(this, value);
  }

  /** Wraps anything thrown into a CapacityError, keeping one that already is (of any copy of the package). */
  static from(error: unknown): CapacityError {
    if (CapacityError.is(error)) return error;
    if (error instanceof DOMException && error.name === 'AbortError')
      return new CapacityError('aborted', { cause: error });
    return new CapacityError('server', { cause: error });
  }
}
