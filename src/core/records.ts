import type { Registration, RegistrationStatus } from './types.js';

/** The most ids one deregistration or renewal may carry (docs/contract.md#5-the-rest-api). */
export const MAX_DEREGISTER_IDS = 1000;

const FIELDS = ['id', 'domain', 'contactId', 'contactName', 'company', 'country', 'registeredAt'];
const STATUSES: readonly RegistrationStatus[] = ['registered', 'pending'];

/**
 * `value` as a Registration, or undefined when it is none (for data read from storage or the network). A record
 * of a 0.2 backend, without `status`, `expiresAt` and `renewals`, is given their defaults (`registered`, no
 * expiry, never renewed) in a copy; a complete one is returned as it is.
 */
export function registrationFrom(value: unknown): Registration | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (!FIELDS.every((field) => typeof record[field] === 'string')) return undefined;
  const { status = 'registered', expiresAt = null, renewals = 0 } = record;
  const valid =
    STATUSES.includes(status as RegistrationStatus) &&
    (expiresAt === null || (typeof expiresAt === 'string' && !Number.isNaN(Date.parse(expiresAt)))) &&
    Number.isInteger(renewals) &&
    (renewals as number) >= 0;
  if (!valid) return undefined;
  const complete =
    record['status'] !== undefined && record['expiresAt'] !== undefined && record['renewals'] !== undefined;
  return (complete ? value : { ...record, status, expiresAt, renewals }) as Registration;
}

/** Whether `value` has the whole shape of a `Registration` (registrationFrom completes a 0.2 one). */
export function isRegistration(value: unknown): value is Registration {
  return value !== undefined && registrationFrom(value) === value;
}
