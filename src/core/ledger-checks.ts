// The ledger's checks of what it is given, and the English of its answers: in the ledger's chunk, not in the
// page's entry (the elements have words of their own).
import { CapacityError } from './errors.js';
import { DAY_MS, isRegistrationPolicy, renewalOf } from './lifecycle.js';
import { MAX_DEREGISTER_IDS } from './records.js';
import type { Registration, RegistrationPolicy, RenewRefusal, RenewRefusalReason } from './types.js';

export function checkText(value: unknown, field: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new CapacityError('validation', { message: `${field} must be text.` });
  return value.trim();
}

// A contact id is the host CRM's opaque key: kept exactly as given, so that lookups by it match.
export function checkContactId(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CapacityError('validation', { message: 'contactId is required.' });
  }
  return value;
}

export function checkPolicy(policy: unknown): RegistrationPolicy {
  if (!isRegistrationPolicy(policy)) throw new CapacityError('validation', { message: 'The policy is not valid.' });
  return { ...policy };
}

export function checkIds(ids: unknown, verb: string): string[] {
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_DEREGISTER_IDS) {
    throw new CapacityError('validation', {
      message: `${verb} between 1 and ${MAX_DEREGISTER_IDS} registrations at a time.`,
    });
  }
  if (!ids.every((id): id is string => typeof id === 'string' && id !== '')) {
    throw new CapacityError('validation', { message: 'Every registration id must be non-empty text.' });
  }
  return [...new Set(ids)];
}

/** When a registration made at `now` under `policy` expires (ISO 8601), or null. */
export function expiryOf(policy: RegistrationPolicy, now: Date): string | null {
  return policy.termDays === null ? null : new Date(now.getTime() + policy.termDays * DAY_MS).toISOString();
}

/** The English words of a refusal (a server's `message`; the elements show their own words for the reason). */
export function refusalMessage(reason: RenewRefusalReason, domain?: string, renewableFrom?: string): string {
  const subject = domain ?? 'This registration';
  switch (reason) {
    case 'not-found':
      return `${subject} is no longer registered.`;
    case 'pending-review':
      return `${subject} is pending review and cannot be renewed yet.`;
    case 'no-expiry':
      return `${subject} does not expire.`;
    case 'not-yet-renewable':
      return `${subject} can be renewed from ${renewableFrom?.slice(0, 10) ?? 'later'}.`;
    case 'renewal-limit':
      return `${subject} has been renewed as often as the policy allows.`;
    case 'renewal-not-offered':
      return 'Renewal is not offered.';
  }
}

/**
 * Renews each of `ids` that `policy` lets be renewed at `now` (renewalOf), from its expiry by the policy's term; the
 * others are refused, each with its reason, in the order given. `get` finds an active registration by id.
 */
export function renewals(
  ids: readonly string[],
  get: (id: string) => Registration | undefined,
  policy: RegistrationPolicy,
  now: Date,
): { renewed: Registration[]; refused: RenewRefusal[] } {
  const renewed: Registration[] = [];
  const refused: RenewRefusal[] = [];
  for (const id of ids) {
    const registration = get(id);
    const check = registration ? renewalOf(registration, policy, now) : undefined;
    if (registration && check?.renewable) {
      renewed.push({ ...registration, expiresAt: check.expiresAt, renewals: registration.renewals + 1 });
    } else {
      const refusal = check && !check.renewable ? check : undefined;
      const reason = refusal?.reason ?? 'not-found';
      const domain = registration?.domain;
      const renewableFrom = refusal?.renewableFrom;
      refused.push({
        id,
        ...(domain !== undefined && { domain }),
        reason,
        message: refusalMessage(reason, domain, renewableFrom),
        ...(renewableFrom !== undefined && { renewableFrom }),
      });
    }
  }
  return { renewed, refused };
}
