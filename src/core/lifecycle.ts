import type { Registration, RegistrationPolicy, RenewRefusalReason } from './types.js';

// The lifecycle's rules for one registration (docs/contract.md#the-registration-lifecycle), with no state: the
// ledger applies them, and the card and the manager use them to say what Renew would do before asking (`renewalOf`,
// as of `lifecycleClock.now()`). The page's entry holds this module: what only the ledger needs (a new registration's
// expiry, a refusal's English `message`) is in ledger.ts; the elements word a refusal by its reason (`renewal.*`).

/** "Expiring soon": an active registration that expires within this many days of now. */
export const EXPIRY_WARNING_DAYS = 30;

/** A day in milliseconds: terms, windows and warnings are counted in days. */
export const DAY_MS = 86_400_000;

/**
 * What "now" is for the elements: the card's "Expires in 12 days", the new dates a renewal would give. A demo or a
 * test that moves its backend's clock (LocalBackend's and the mock API's `clock`) sets this one to the same.
 */
export const lifecycleClock: { now: () => Date } = { now: () => new Date() };

/** The policy of a host that has none (and of a 0.2 backend): no expiry, no renewal, no review. */
export const NO_EXPIRY_POLICY: Readonly<RegistrationPolicy> = Object.freeze({
  termDays: null,
  renewalWindowDays: 0,
  maxRenewals: null,
  review: false,
});

/** Whether `registration` has lapsed at `now` (its expiry is now or before). */
export function hasLapsed(registration: Registration, now: Date): boolean {
  return registration.expiresAt !== null && Date.parse(registration.expiresAt) <= now.getTime();
}

/** Whether an active `registration` expires within EXPIRY_WARNING_DAYS of `now`. */
export function isExpiringSoon(registration: Registration, now: Date): boolean {
  if (registration.expiresAt === null) return false;
  const left = Date.parse(registration.expiresAt) - now.getTime();
  return left > 0 && left <= EXPIRY_WARNING_DAYS * DAY_MS;
}

/** Whole days from `now` until `expiresAt`, rounded up ("Expires in 12 days"); 0 once it has passed. */
export function daysUntil(expiresAt: string, now: Date): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now.getTime()) / DAY_MS));
}

/** What renewing a registration now would do: its new expiry, or why it cannot be renewed (and from when). */
export type RenewalCheck =
  { renewable: true; expiresAt: string } | { renewable: false; reason: RenewRefusalReason; renewableFrom?: string };

/**
 * Whether `registration` can be renewed at `now` under `policy`, and to which date: a renewal extends from the
 * current expiry by the policy's term. The server applies this rule; the UI shows its answer beforehand.
 */
/** Whether `policy` renews at all: registrations expire, and may be renewed in a window before. */
export function policyRenews(policy: RegistrationPolicy): policy is RegistrationPolicy & { termDays: number } {
  return policy.termDays !== null && policy.renewalWindowDays > 0;
}

export function renewalOf(registration: Registration, policy: RegistrationPolicy, now: Date): RenewalCheck {
  const { expiresAt } = registration;
  // A lapsed registration is gone: it can only be registered again.
  if (hasLapsed(registration, now)) return { renewable: false, reason: 'not-found' };
  if (registration.status === 'pending') return { renewable: false, reason: 'pending-review' };
  if (expiresAt === null) return { renewable: false, reason: 'no-expiry' };
  if (!policyRenews(policy)) return { renewable: false, reason: 'renewal-not-offered' };
  if (policy.maxRenewals !== null && registration.renewals >= policy.maxRenewals) {
    return { renewable: false, reason: 'renewal-limit' };
  }
  const expiry = Date.parse(expiresAt);
  const opens = expiry - policy.renewalWindowDays * DAY_MS;
  if (now.getTime() < opens) {
    return { renewable: false, reason: 'not-yet-renewable', renewableFrom: new Date(opens).toISOString() };
  }
  return { renewable: true, expiresAt: new Date(expiry + policy.termDays * DAY_MS).toISOString() };
}

/** Whether `value` is a RegistrationPolicy (for data read from the network). */
export function isRegistrationPolicy(value: unknown): value is RegistrationPolicy {
  if (typeof value !== 'object' || value === null) return false;
  const { termDays, renewalWindowDays, maxRenewals, review } = value as Partial<
    Record<keyof RegistrationPolicy, unknown>
  >;
  const count = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 0;
  return (
    (termDays === null || (count(termDays) && (termDays as number) > 0)) &&
    count(renewalWindowDays) &&
    (maxRenewals === null || count(maxRenewals)) &&
    typeof review === 'boolean'
  );
}
