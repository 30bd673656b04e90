import { isRegistrationPolicy, NO_EXPIRY_POLICY } from './lifecycle.js';
import { registrationFrom } from './records.js';
import { isTier } from './tiers.js';
import type {
  Capacity,
  ContactView,
  DeregisterResult,
  DomainHolder,
  RegisterResult,
  Registration,
  RegistrationPage,
  RenewRefusal,
  RenewRefusalReason,
  RenewResult,
  WebsiteDomain,
} from './types.js';

// The shapes of the backend's answers, checked where they come from the network or a host's code. Each `…From`
// returns the answer, or undefined when it cannot be one; the answer of a 0.2 backend, without the lifecycle's
// fields, is completed with their defaults in a copy (docs/contract.md#versions), so that old backends keep working.

const HOLDERS: readonly DomainHolder[] = ['nobody', 'this-contact', 'other-contact', 'other-partner'];
const REASONS: readonly RenewRefusalReason[] = [
  'not-found',
  'pending-review',
  'no-expiry',
  'not-yet-renewable',
  'renewal-limit',
  'renewal-not-offered',
];

type Fields<T> = Partial<Record<keyof T, unknown>>;

/** `value` as a Registration[], the same array when nothing was completed. */
function registrationsFrom(value: unknown): Registration[] | undefined {
  if (!Array.isArray(value)) return undefined;
  let changed = false;
  const rows: Registration[] = [];
  for (const item of value) {
    const row = registrationFrom(item);
    if (!row) return undefined;
    changed ||= row !== item;
    rows.push(row);
  }
  return changed ? rows : (value as Registration[]);
}

/** `record` with `changes`, the same object when every change is the value it has. */
function completed<T extends object>(record: object, changes: Partial<T>): T {
  const entries: [string, unknown][] = Object.entries(changes);
  const same = entries.every(([key, value]) => (record as Record<string, unknown>)[key] === value);
  return (same ? record : { ...record, ...changes }) as T;
}

function websiteDomainFrom(value: unknown): WebsiteDomain | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { name, heldBy, registration } = value as Fields<WebsiteDomain>;
  if (typeof name !== 'string' || !HOLDERS.includes(heldBy as DomainHolder)) return undefined;
  if (heldBy !== 'other-contact') return registration === undefined ? (value as WebsiteDomain) : undefined;
  const holder = registrationFrom(registration);
  return holder && completed<WebsiteDomain>(value, { registration: holder });
}

/** `value` as a Capacity; a 0.2 one gets the no-expiry policy and 0 expiring soon. */
export function capacityFrom(value: unknown): Capacity | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const { policy = NO_EXPIRY_POLICY, expiringSoon = 0 } = record;
  const valid =
    isTier(record['tier']) &&
    Number.isInteger(record['limit']) &&
    (record['limit'] as number) >= 0 &&
    Number.isInteger(record['used']) &&
    (record['used'] as number) >= 0 &&
    isRegistrationPolicy(policy) &&
    Number.isInteger(expiringSoon) &&
    (expiringSoon as number) >= 0;
  return valid ? completed<Capacity>(value, { policy, expiringSoon: expiringSoon as number }) : undefined;
}

/** `value` as a ContactView; a 0.2 one has no `lapsed` (null). */
export function contactViewFrom(value: unknown): ContactView | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { contactId, registration, lapsed = null, domain, capacity } = value as Fields<ContactView>;
  const own = registration === null ? null : registrationFrom(registration);
  const last = lapsed === null ? null : registrationFrom(lapsed);
  const holder = domain === null ? null : websiteDomainFrom(domain);
  const counted = capacityFrom(capacity);
  if (typeof contactId !== 'string' || own === undefined || last === undefined || holder === undefined || !counted) {
    return undefined;
  }
  return completed<ContactView>(value, { registration: own, lapsed: last, domain: holder, capacity: counted });
}

/** `value` as a RegistrationPage. */
export function registrationPageFrom(value: unknown): RegistrationPage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const page = value as Fields<RegistrationPage>;
  const items = registrationsFrom(page.items);
  const capacity = capacityFrom(page.capacity);
  if (!items || !capacity || ![page.total, page.page, page.pageSize].every(Number.isInteger)) return undefined;
  return completed<RegistrationPage>(value, { items, capacity });
}

/** `value` as a RegisterResult. */
export function registerResultFrom(value: unknown): RegisterResult | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const result = value as Fields<RegisterResult>;
  const registration = registrationFrom(result.registration);
  const capacity = capacityFrom(result.capacity);
  return registration && capacity && completed<RegisterResult>(value, { registration, capacity });
}

const isIds = (ids: unknown): boolean => Array.isArray(ids) && ids.every((id) => typeof id === 'string');

/** `value` as a DeregisterResult. */
export function deregisterResultFrom(value: unknown): DeregisterResult | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const result = value as Fields<DeregisterResult>;
  const capacity = capacityFrom(result.capacity);
  if (!isIds(result.removed) || !isIds(result.missing) || !capacity) return undefined;
  return completed<DeregisterResult>(value, { capacity });
}

function isRefusal(value: unknown): value is RenewRefusal {
  if (typeof value !== 'object' || value === null) return false;
  const { id, domain, reason, message, renewableFrom } = value as Fields<RenewRefusal>;
  return (
    typeof id === 'string' &&
    (domain === undefined || typeof domain === 'string') &&
    REASONS.includes(reason as RenewRefusalReason) &&
    typeof message === 'string' &&
    (renewableFrom === undefined || (typeof renewableFrom === 'string' && !Number.isNaN(Date.parse(renewableFrom))))
  );
}

/** `value` as a RenewResult. */
export function renewResultFrom(value: unknown): RenewResult | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const result = value as Fields<RenewResult>;
  const renewed = registrationsFrom(result.renewed);
  const capacity = capacityFrom(result.capacity);
  if (!renewed || !capacity || !Array.isArray(result.refused) || !result.refused.every(isRefusal)) return undefined;
  return completed<RenewResult>(value, { renewed, capacity });
}

// The type guards: whether a value has the whole shape (a 0.2 answer is completed by the functions above).
const whole =
  <T>(from: (value: unknown) => T | undefined) =>
  (value: unknown): value is T =>
    value !== undefined && from(value) === value;

/** Whether `value` has the shape of a `ContactView`. */
export const isContactView = whole(contactViewFrom);
/** Whether `value` has the shape of a `Capacity`. */
export const isCapacity = whole(capacityFrom);
/** Whether `value` has the shape of a `RegistrationPage`. */
export const isRegistrationPage = whole(registrationPageFrom);
/** Whether `value` has the shape of a `RegisterResult`. */
export const isRegisterResult = whole(registerResultFrom);
/** Whether `value` has the shape of a `DeregisterResult`. */
export const isDeregisterResult = whole(deregisterResultFrom);
/** Whether `value` has the shape of a `RenewResult`. */
export const isRenewResult = whole(renewResultFrom);
