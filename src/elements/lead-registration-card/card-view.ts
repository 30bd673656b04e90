import { checkWebsite, type WebsiteProblem } from '../../core/domain.js';
import { isTransient, type CapacityError } from '../../core/errors.js';
import type { Capacity, ContactView, Registration } from '../../core/types.js';
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
}

/** Why Register cannot act: the website gives no domain, or the capacity is full. */
export type RegisterBlock = { by: 'website'; problem: WebsiteProblem } | { by: 'capacity'; capacity: Capacity };

/** What the card shows: one state, with what it needs to say it. */
export type CardView =
  | { state: 'problem'; message: Phrase }
  | { state: 'loading' }
  | { state: 'load-error'; error: CapacityError }
  | { state: 'registered'; registration: Registration; websiteDomain: string | undefined }
  | { state: 'other-contact'; domain: string; holder: Registration }
  | { state: 'other-partner'; domain: string }
  | {
      state: 'not-registered';
      /** The domain Register would register; undefined when the website gives none. */
      domain: string | undefined;
      website: string | undefined;
      /** The contact's name, company and country, those that are set. */
      about: string[];
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
  if (view.registration) return { state: 'registered', registration: view.registration, websiteDomain };

  // The holder answers for the domain the website gives now; one read for an older website says nothing of it.
  const domain = view.domain?.name === websiteDomain ? view.domain : undefined;
  if (domain?.heldBy === 'other-contact' && domain.registration) {
    return { state: 'other-contact', domain: domain.name, holder: domain.registration };
  }
  if (domain?.heldBy === 'other-partner') return { state: 'other-partner', domain: domain.name };

  const capacity = input.capacity ?? view.capacity;
  let blocked: RegisterBlock | undefined;
  if (!check.ok) blocked = { by: 'website', problem: check.problem };
  else if (capacity.used >= capacity.limit) blocked = { by: 'capacity', capacity };
  const error = input.registerError;
  return {
    state: 'not-registered',
    domain: websiteDomain,
    website: input.website?.trim() || undefined,
    about: [input.contactName, input.company, input.country].map((part) => part?.trim() ?? '').filter((part) => part),
    blocked,
    registering: input.registering,
    error,
    retry: error !== undefined && isTransient(error.code) && input.sameAction,
  };
}
