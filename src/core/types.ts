/** The public data types of the widget (contract section 4). */

export type Tier = 'untiered' | 'silver' | 'gold' | 'platinum' | 'diamond';

export interface Capacity {
  tier: Tier;
  limit: number;
  used: number;
}

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
}

export type SortKey = 'domain' | 'company' | 'contactName' | 'country' | 'registeredAt';
export type SortOrder = 'asc' | 'desc';
export type PageSize = 10 | 25 | 50 | 100;

export interface RegistrationQuery {
  search?: string;
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

export interface RegisterInput {
  contactId: string;
  website: string;
  contactName?: string;
  company?: string;
  country?: string;
}

export interface DeregisterResult {
  /** Ids of the registrations removed by this call. */
  removed: string[];
  /** Ids that were already gone: deregistering is idempotent. */
  missing: string[];
  capacity: Capacity;
}

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Identifies one user action for a mutating call, so that a retry of the same action is not
   * applied twice. Backends generate one when it is absent.
   */
  idempotencyKey?: string;
}

/** What every element talks to: the host's CRM, the REST API, or the embedded IndexedDB store. */
export interface CapacityBackend {
  getCapacity(options?: CallOptions): Promise<Capacity>;
  getRegistration(contactId: string, options?: CallOptions): Promise<Registration | null>;
  listRegistrations(query: RegistrationQuery, options?: CallOptions): Promise<RegistrationPage>;
  register(input: RegisterInput, options?: CallOptions): Promise<Registration>;
  deregister(ids: string[], options?: CallOptions): Promise<DeregisterResult>;
  /** Calls `onChange` when the data changes elsewhere (another tab); returns the unsubscribe. */
  subscribe?(onChange: () => void): () => void;
}
