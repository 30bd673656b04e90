/** The public data types of the widget (docs/contract.md#4-the-backend-adapter). */

export type Tier = 'untiered' | 'silver' | 'gold' | 'platinum' | 'diamond';

/** How registrations live and end (docs/contract.md#the-registration-lifecycle): the host's policy, or none. */
export interface RegistrationPolicy {
  /** Days from registration (or from the expiry a renewal extends) to expiry; null: registrations do not expire. */
  termDays: number | null;
  /** How many days before its expiry a registration may be renewed; 0: renewal is not offered. */
  renewalWindowDays: number;
  /** How many renewals one registration may have; null: no limit. */
  maxRenewals: number | null;
  /** Whether new registrations wait for the vendor's review (status `pending`). */
  review: boolean;
}

export interface Capacity {
  tier: Tier;
  limit: number;
  /** Active registrations, pending ones included; lapsed ones have left it. */
  used: number;
  policy: RegistrationPolicy;
  /** Active registrations that expire within EXPIRY_WARNING_DAYS (src/core/lifecycle.ts). */
  expiringSoon: number;
}

/** `pending` while the vendor reviews it; it counts toward capacity either way. */
export type RegistrationStatus = 'registered' | 'pending';

export interface Registration {
  id: string;
  /** The registered domain; it never changes after registration. */
  domain: string;
  contactId: string;
  contactName: string;
  company: string;
  country: string;
  /** ISO 8601. */
  registeredAt: string;
  /** `pending` while the vendor reviews it; it counts toward capacity either way. */
  status: RegistrationStatus;
  /** When it lapses (ISO 8601); null when it does not expire. */
  expiresAt: string | null;
  /** How many times it has been renewed. */
  renewals: number;
}

export type SortKey = 'domain' | 'company' | 'contactName' | 'country' | 'registeredAt' | 'expiresAt';
/** `pending`: only those waiting for review; `expiring`: only those expiring within EXPIRY_WARNING_DAYS. */
export type RegistrationFilter = 'pending' | 'expiring';
export type SortOrder = 'asc' | 'desc';
export type PageSize = 10 | 25 | 50 | 100;

export interface RegistrationQuery {
  search?: string;
  filter?: RegistrationFilter;
  sort?: SortKey;
  order?: SortOrder;
  /** 1-based; defaults to 1. */
  page?: number;
  /** Defaults to 25. */
  pageSize?: PageSize;
}

export interface RegistrationPage {
  items: Registration[];
  total: number;
  page: number;
  pageSize: number;
  capacity: Capacity;
}

/** Who holds a domain in capacity, as a contact's view sees it. */
export type DomainHolder = 'nobody' | 'this-contact' | 'other-contact' | 'other-partner';

/** The registered domain a contact's website gives, and who holds it. */
export interface WebsiteDomain {
  /** The domain as registered (docs/contract.md#6-domain-normalisation). */
  name: string;
  heldBy: DomainHolder;
  /** With `other-contact`: the registration through which this partner holds the domain. */
  registration?: Registration;
}

/** What a contact's card needs to know, in one answer. */
export interface ContactQuery {
  contactId: string;
  /** The contact's current website, as the CRM holds it. */
  website?: string;
}

/** Everything the card shows about one contact, read in one call. */
export interface ContactView {
  /** The contact the answer is about (the card checks it is the one it asked for). */
  contactId: string;
  /** The contact's registration, or null when it has none. */
  registration: Registration | null;
  /** With no active registration: the contact's last one that lapsed (for "Expired on …"), else null. */
  lapsed: Registration | null;
  /** The domain of the website asked about and who holds it; null when no valid website was given. */
  domain: WebsiteDomain | null;
  capacity: Capacity;
}

export interface RegisterInput {
  contactId: string;
  website: string;
  contactName?: string;
  company?: string;
  country?: string;
}

export interface RegisterResult {
  registration: Registration;
  /** The capacity with this registration counted. */
  capacity: Capacity;
}

export interface DeregisterResult {
  /** Ids of the registrations removed by this call. */
  removed: string[];
  /** Ids that were already gone: deregistering is idempotent. */
  missing: string[];
  capacity: Capacity;
}

/** Why a registration was not renewed (docs/contract.md#renewal). */
export type RenewRefusalReason =
  'not-found' | 'pending-review' | 'no-expiry' | 'not-yet-renewable' | 'renewal-limit' | 'renewal-not-offered';

export interface RenewRefusal {
  id: string;
  /** The registration's domain, when it is known (not with `not-found`). */
  domain?: string;
  reason: RenewRefusalReason;
  /** In words, fit to show a person (English unless the server answers in the partner's language). */
  message: string;
  /** With `not-yet-renewable`: from when it can be renewed (ISO 8601). */
  renewableFrom?: string;
}

export interface RenewResult {
  /** The registrations renewed by this call, as they are now. */
  renewed: Registration[];
  /** One entry per id not renewed, in the order given. */
  refused: RenewRefusal[];
  capacity: Capacity;
}

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Identifies one user action for a mutating call, so that a retry of the same action is not
   * applied twice. Backends generate one when it is absent.
   */
  idempotencyKey?: string;
  /**
   * The locale of the element that calls (a BCP 47 tag): text is sorted and searched as its language
   * does, and a server may answer its messages in it (`RestBackend` sends it as `Accept-Language`).
   */
  locale?: string;
}

/** What every element talks to: the host's CRM, the REST API, or the embedded IndexedDB store. */
export interface CapacityBackend {
  getCapacity(options?: CallOptions): Promise<Capacity>;
  /** The contact's registration, its website's domain and who holds it, and the capacity: one read per contact view. */
  getContactView(query: ContactQuery, options?: CallOptions): Promise<ContactView>;
  listRegistrations(query: RegistrationQuery, options?: CallOptions): Promise<RegistrationPage>;
  register(input: RegisterInput, options?: CallOptions): Promise<RegisterResult>;
  deregister(ids: string[], options?: CallOptions): Promise<DeregisterResult>;
  /** Renews registrations where the policy allows it; optional: without it, Renew is not offered. */
  renew?(ids: string[], options?: CallOptions): Promise<RenewResult>;
  /** Calls `onChange` when the data changes elsewhere (another tab); returns the unsubscribe. */
  subscribe?(onChange: () => void): () => void;
}

/** A call of the backend adapter, as `lead-registration-error` names the one that failed. */
export type BackendOperation = Exclude<keyof CapacityBackend, 'subscribe'>;
