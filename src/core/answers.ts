import { isRegistration } from './records.js';
import { isTier } from './tiers.js';
import type {
  Capacity,
  ContactView,
  DeregisterResult,
  DomainHolder,
  RegisterResult,
  RegistrationPage,
  WebsiteDomain,
} from './types.js';

// The shapes of the backend's answers, checked where they come from the network or a host's code.

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

/** Whether `value` has the shape of a `Capacity` (for data read from the network). */
export function isCapacity(value: unknown): value is Capacity {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    isTier(record['tier']) &&
    Number.isInteger(record['limit']) &&
    (record['limit'] as number) >= 0 &&
    Number.isInteger(record['used']) &&
    (record['used'] as number) >= 0
  );
}

/** Whether `value` has the shape of a `RegistrationPage` (for data read from the network). */
export function isRegistrationPage(value: unknown): value is RegistrationPage {
  const page = value as Partial<Record<keyof RegistrationPage, unknown>> | null;
  return (
    typeof page === 'object' &&
    page !== null &&
    Array.isArray(page.items) &&
    page.items.every(isRegistration) &&
    [page.total, page.page, page.pageSize].every(Number.isInteger) &&
    isCapacity(page.capacity)
  );
}

/** Whether `value` has the shape of a `RegisterResult` (for data read from the network). */
export function isRegisterResult(value: unknown): value is RegisterResult {
  const result = value as Partial<Record<keyof RegisterResult, unknown>> | null;
  return (
    typeof result === 'object' && result !== null && isRegistration(result.registration) && isCapacity(result.capacity)
  );
}

/** Whether `value` has the shape of a `DeregisterResult` (for data read from the network). */
export function isDeregisterResult(value: unknown): value is DeregisterResult {
  const result = value as Partial<Record<keyof DeregisterResult, unknown>> | null;
  const isIds = (ids: unknown): boolean => Array.isArray(ids) && ids.every((id) => typeof id === 'string');
  return (
    typeof result === 'object' &&
    result !== null &&
    isIds(result.removed) &&
    isIds(result.missing) &&
    isCapacity(result.capacity)
  );
}
