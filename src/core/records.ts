import type { Registration } from './types.js';

/** The most ids one deregistration may carry (docs/contract.md#5-the-rest-api). */
export const MAX_DEREGISTER_IDS = 1000;

const FIELDS = ['id', 'domain', 'contactId', 'contactName', 'company', 'country', 'registeredAt'];

/** Whether `value` has the shape of a `Registration` (for data read from storage or the network). */
export function isRegistration(value: unknown): value is Registration {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return FIELDS.every((field) => typeof record[field] === 'string');
}
