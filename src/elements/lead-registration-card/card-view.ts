import { checkWebsite, type WebsiteProblem } from '../../core/domain.js';
import { isTransient, type CapacityError } from '../../core/errors.js';
import { daysUntil, EXPIRY_WARNING_DAYS, renewalOf, type RenewalCheck } from '../../core/lifecycle.js';
import type { Capacity, ContactView, Registration, RenewRefusal } from '../../core/types.js';
import type { Phrase } from '../../i18n/types.js';

/** Everything the card's state depends on, read from its properties, its load and the shared state. */
export interface CardInput {
  /** A mistake in the host's configuration. */
  configError: Phrase | undefined;
  contactId: string | undefined;
  website: string | undefined;
  contactName: string | undefined;
  company: string | undefined;
  country: string | undefined;
  /** The contact's view, read (or learned since) for this contact on this backend; undefined until then. */
  view: ContactView | undefined;
  /** Why the view could not be read. */
  loadError: CapacityError | undefined;
  /** The capacity as the page knows it now (it may be newer than the view's). */
  capacity: Capacity | undefined;
  /** A registration of this contact is under way. */
  registering: boolean;
  /** Why the last registration of this contact, with the website it has now, failed. */
  registerError: CapacityError | undefined;
  /** Register would send the failed registration's body again: the same action. */
  sameAction: boolean;
  /** What now is, for expiry and renewal (core/lifecycle.ts, `lifecycleClock`). */
  now: Date;
  /** Whether the backend can renew (a 0.2 host backend cannot). */
  canRenew: boolean;
  /** A renewal of this contact's registration is under way. */
  renewing: boolean;
  /** Why the last renewal of this contact's registration failed. */
  renewError: CapacityError | undefined;
  /** Why the backend refused the last renewal of this contact's registration. */
  renewRefusal: RenewRefusal | undefined;
}

/** Why Register cannot act: the website gives no domain, or the capacity is full. */
export type RegisterBlock = { by: 'website'; problem: WebsiteProblem } | { by: 'capacity'; capacity: Capacity };

/** What the card says of a registration that expires. */
export interface Expiry {
  expiresAt: string;
  /** Whole days left, within EXPIRY_WARNING_DAYS ("Expires in 12 days"); undefined before. */
  daysLeft: number | undefined;
  /**
   * Renew, when the policy allows it now; why not (and from when) once it expires soon. Undefined: nothing is said
   * of renewal (the backend cannot renew, or it does not expire soon and cannot be renewed yet).
   */
  renewal: RenewalCheck | undefined;
}

/** What the card shows: one state, with what it needs to say it. */
export type CardView =
  | { state: 'problem'; message: Phrase }
  | { state: 'loading' }
  | { state: 'load-error'; error: CapacityError }
  | {
      state: 'registered';
      registration: Registration;
      websiteDomain: string | undefined;
      expiry: Expiry | undefined;
      renewing: boolean;
      renewError: CapacityError | undefined;
      /** Renew would try the failed renewal again, as the same action (the same Idempotency-Key). */
      renewRetry: boolean;
      renewRefusal: RenewRefusal | undefined;
    }
  | { state: 'other-contact'; domain: string; holder: Registration }
  | { state: 'other-partner'; domain: string }
  | {
      state: 'not-registered';
      /** The domain Register would register; undefined when the website gives none. */
      domain: string | undefined;
      website: string | undefined;
      /** The contact's name, company and country, those that are set. */
      about: string[];
      /** The contact's last registration, which lapsed: "Expired on …", Register again. */
      lapsed: Registration | undefined;
      blocked: RegisterBlock | undefined;
      registering: boolean;
      error: CapacityError | undefined;
      /** Register would try the failed registration again, as the same action (the same Idempotency-Key). */
      retry: boolean;
    };

/** The host's mistake of a card without a `contact-id`. */
export const NO_CONTACT: Phrase = { id: 'card.noContact' };

/** The card's state for `input`: the rules of docs/contract.md#lead-registration-card, with no DOM. */
export function cardViewOf(input: CardInput): CardView {
  if (input.configError) return { state: 'problem', message: input.configError };
  if (!input.contactId) return { state: 'problem', message: NO_CONTACT };
  if (input.loadError) return { state: 'load-error', error: input.loadError };
  const { view } = input;
  if (!view) return { state: 'loading' };

  const check = checkWebsite(input.website);
  const websiteDomain = check.ok ? check.domain : undefined;
  const capacity = input.capacity ?? view.capacity;
  const { registration } = view;
  if (registration) {
    const { renewError } = input;
    return {
      state: 'registered',
      registration,
      websiteDomain,
      expiry: expiryOf(registration, capacity, input),
      renewing: input.renewing,
      renewError,
      renewRetry: renewError !== undefined && isTransient(renewError.code),
      renewRefusal: input.renewRefusal,
    };
  }

  // The holder answers for the domain the website gives now; one read for an older website says nothing of it.
  const domain = view.domain?.name === websiteDomain ? view.domain : undefined;
  if (domain?.heldBy === 'other-contact' && domain.registration) {
    return { state: 'other-contact', domain: domain.name, holder: domain.registration };
  }
  if (domain?.heldBy === 'other-partner') return { state: 'other-partner', domain: domain.name };

  let blocked: RegisterBlock | undefined;
  if (!check.ok) blocked = { by: 'website', problem: check.problem };
  else if (capacity.used >= capacity.limit) blocked = { by: 'capacity', capacity };
  const error = input.registerError;
  return {
    state: 'not-registered',
    domain: websiteDomain,
    website: input.website?.trim() || undefined,
    about: [input.contactName, input.company, input.country].map((part) => part?.trim() ?? '').filter((part) => part),
    lapsed: view.lapsed ?? undefined,
    blocked,
    registering: input.registering,
    error,
    retry: error !== undefined && isTransient(error.code) && input.sameAction,
  };
}

/** What the card says of `registration`'s expiry and renewal under the capacity's policy, as of `input.now`. */
function expiryOf(registration: Registration, capacity: Capacity, input: CardInput): Expiry | undefined {
  const { expiresAt } = registration;
  if (expiresAt === null) return undefined;
  const days = daysUntil(expiresAt, input.now);
  const daysLeft = days <= EXPIRY_WARNING_DAYS ? days : undefined;
  const check = renewalOf(registration, capacity.policy, input.now);
  const said = input.canRenew && (check.renewable || daysLeft !== undefined);
  return { expiresAt, daysLeft, renewal: said ? check : undefined };
}
