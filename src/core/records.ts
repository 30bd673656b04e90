import { isCapacity } from './tiers.js';
import type { ContactView, DomainHolder, Registration, WebsiteDomain } from './types.js';

/** The most ids one deregistration may carry (contract section 5). */
export const MAX_DEREGISTER_IDS = 1000;

const FIELDS = ['id', 'domain', 'contactId', 'contactName', 'company', 'country', 'registeredAt'];

/** Whether `value` has the shape of a `Registration` (for data read from storage or the network). */
export function isRegistration(value: unknown): value is Registration {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return FIELDS.every((field) => typeof record[field] === 'string');
}

const HOLDERS: readonly DomainHolder[] = ['nobody', 'this-contact', 'other-contact', 'other-partner'];

function isWebsiteDomain(value: unknown): value is WebsiteDomain {
  if (typeof value !== 'object' || value === null) return false;
  const { name, heldBy, registration } = value as Partial<Record<keyof WebsiteDomain, unknown>>;
  return (
    typeof name === 'string' &&
    HOLDERS.includes(heldBy as DomainHolder) &&
    (heldBy === 'other-contact' ? isRegistration(registration) : registration === undefined)
  );
}

/** Whether `value` has the shape of a `ContactView` (for data read from the network). */
export function isContactView(value: unknown): value is ContactView {
  if (typeof value !== 'object' || value === null) return false;
  const { contactId, registration, domain, capacity } = value as Partial<Record<keyof ContactView, unknown>>;
  return (
    typeof contactId === 'string' &&
    (registration === null || isRegistration(registration)) &&
    (domain === null || isWebsiteDomain(domain)) &&
    isCapacity(capacity)
  );
}
