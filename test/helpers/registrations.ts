import { NO_EXPIRY_POLICY } from '../../src/core/lifecycle.js';
import type { Capacity, Registration, Tier } from '../../src/core/types.js';

/** The lifecycle's fields of a registration that does not expire (and of every 0.2 one). */
export const NOT_EXPIRING = { status: 'registered', expiresAt: null, renewals: 0 } as const;

/** A capacity under no policy (no expiry, no renewal, no review), as a 0.2 backend's is completed. */
export function capacity(tier: Tier, limit: number, used: number): Capacity {
  return { tier, limit, used, policy: { ...NO_EXPIRY_POLICY }, expiringSoon: 0 };
}

const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne'];
const PEOPLE = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Edsger Dijkstra', 'Barbara Liskov', 'Ken Thompson'];
const COUNTRIES = ['Germany', 'United States', 'Japan', 'Brazil', 'Kenya', 'France', 'India'];

/**
 * `count` simple, predictable registrations: `company-001.com`, `company-002.com`, … registered one
 * day apart from 1 January 2025, so that the expected order of any sort is easy to state in a test.
 */
export function makeRegistrations(count: number, prefix = 'company'): Registration[] {
  return Array.from({ length: count }, (_, index) => {
    const n = String(index + 1).padStart(3, '0');
    return {
      id: `${prefix}-${n}`,
      domain: `${prefix}-${n}.com`,
      contactId: `contact-${prefix}-${n}`,
      contactName: `${PEOPLE[index % PEOPLE.length]} ${n}`,
      company: `${COMPANIES[index % COMPANIES.length]} ${n}`,
      country: COUNTRIES[index % COUNTRIES.length],
      registeredAt: new Date(Date.UTC(2025, 0, 1 + index)).toISOString(),
      ...NOT_EXPIRING,
    };
  });
}

/** One registration with the given fields over a plain default. */
export function registration(fields: Partial<Registration> & { domain: string }): Registration {
  return {
    id: fields.domain,
    contactId: `contact-${fields.domain}`,
    contactName: 'Pat Example',
    company: 'Example Inc.',
    country: 'Germany',
    registeredAt: '2025-06-01T12:00:00.000Z',
    ...NOT_EXPIRING,
    ...fields,
  };
}
