import type { Registration } from '../src/core/types.js';

/** One entry of a contact's activity timeline. */
export interface Activity {
  kind: 'email' | 'call' | 'meeting' | 'form' | 'note' | 'registration';
  title: string;
  body?: string;
  /** ISO 8601. */
  at: string;
}

/** A contact record as the demo CRM holds it. Every text field is data: it is rendered as text, never as markup. */
export interface Contact {
  id: string;
  name: string;
  jobTitle: string;
  company: string;
  email: string;
  phone: string;
  /** The website as the CRM holds it: possibly empty, scheme-less or invalid. */
  website: string;
  country: string;
  lifecycleStage: 'Lead' | 'Marketing qualified lead' | 'Sales qualified lead' | 'Opportunity';
  owner: string;
  createdAt: string;
  /** What this record demonstrates, shown as a hint in the contact list. */
  scenario: string;
  activities: Activity[];
}

export const CONTACTS: readonly Contact[] = [
  {
    id: 'c-1001',
    name: 'Maya Lindqvist',
    jobTitle: 'Head of Revenue Operations',
    company: 'Northwind Analytics',
    email: 'maya.lindqvist@northwind-analytics.com',
    phone: '+46 8 555 012 34',
    website: 'https://www.northwind-analytics.com/',
    country: 'Sweden',
    lifecycleStage: 'Sales qualified lead',
    owner: 'Sam Okafor',
    createdAt: '2026-09-02T09:14:00Z',
    scenario: 'Ordinary contact',
    activities: [
      {
        kind: 'meeting',
        title: 'Discovery call',
        body: 'Walked through their reporting stack; 40 seats in scope.',
        at: '2026-11-18T14:00:00Z',
      },
      { kind: 'email', title: 'Opened “Pricing for Northwind”', at: '2026-11-12T08:32:00Z' },
      {
        kind: 'form',
        title: 'Submitted “Request a demo”',
        body: 'Source: partner landing page',
        at: '2026-09-02T09:14:00Z',
      },
    ],
  },
  {
    id: 'c-1002',
    name: 'Tomás Herrera',
    jobTitle: 'Owner',
    company: 'Herrera Carpintería',
    email: 'tomas@herrera-carpinteria.es',
    phone: '+34 91 555 27 80',
    website: '',
    country: 'Spain',
    lifecycleStage: 'Lead',
    owner: 'Sam Okafor',
    createdAt: '2026-10-21T11:40:00Z',
    scenario: 'No website',
    activities: [
      {
        kind: 'call',
        title: 'Call logged',
        body: 'No website yet; asked him to send it once it is live.',
        at: '2026-10-23T10:05:00Z',
      },
      { kind: 'note', title: 'Met at the Madrid SMB meetup', at: '2026-10-21T11:40:00Z' },
    ],
  },
  {
    id: 'c-1003',
    name: 'Priya Raman',
    jobTitle: 'IT Manager',
    company: 'Sunrise Logistics Pvt. Ltd.',
    email: 'priya.raman@sunrise-logistics.in',
    phone: '+91 22 5550 1122',
    website: 'intranet',
    country: 'India',
    lifecycleStage: 'Marketing qualified lead',
    owner: 'Dana Whitfield',
    createdAt: '2026-08-15T06:20:00Z',
    scenario: 'Invalid website (“intranet”)',
    activities: [
      {
        kind: 'form',
        title: 'Imported from trade-show list',
        body: 'Website column held the internal host name.',
        at: '2026-08-15T06:20:00Z',
      },
    ],
  },
  {
    id: 'c-1004',
    name: 'Olu Adeyemi',
    jobTitle: 'Operations Director',
    company: 'Kestrel Marine Services',
    email: 'olu@kestrel-marine.ng',
    phone: '+234 1 555 0199',
    website: 'ftp://files.kestrel-marine.ng',
    country: 'Nigeria',
    lifecycleStage: 'Lead',
    owner: 'Dana Whitfield',
    createdAt: '2026-07-30T13:00:00Z',
    scenario: 'Invalid website (ftp://)',
    activities: [
      {
        kind: 'email',
        title: 'Replied to “Welcome”',
        body: 'Sent their file-server address instead of the website.',
        at: '2026-08-01T09:45:00Z',
      },
    ],
  },
  {
    id: 'c-1005',
    name: 'Jonas Becker',
    jobTitle: 'CTO',
    company: 'Helix Robotics GmbH',
    email: 'jonas.becker@helix-robotics.ai',
    phone: '+49 89 5550 4410',
    website: 'https://helix-robotics.ai',
    country: 'Germany',
    lifecycleStage: 'Opportunity',
    owner: 'Sam Okafor',
    createdAt: '2025-02-27T10:00:00Z',
    scenario: 'Website changed since registration',
    activities: [
      {
        kind: 'note',
        title: 'Website changed',
        body: 'helixrobotics.de → https://helix-robotics.ai after the rebrand.',
        at: '2026-06-03T07:30:00Z',
      },
      {
        kind: 'email',
        title: 'Replied to “Your partner proposal”',
        body: 'Asked for a pilot at the Munich plant.',
        at: '2025-03-14T09:00:00Z',
      },
      { kind: 'meeting', title: 'Kick-off with the founders', at: '2025-03-10T15:00:00Z' },
    ],
  },
  {
    id: 'c-1006',
    name: 'Lena Fischer',
    jobTitle: 'Verlagsleiterin',
    company: 'Bücherwurm Verlag',
    email: 'lena.fischer@bücher.de',
    phone: '+49 30 5550 7788',
    website: 'bücher.de',
    country: 'Germany',
    lifecycleStage: 'Marketing qualified lead',
    owner: 'Dana Whitfield',
    createdAt: '2026-10-02T08:00:00Z',
    scenario: 'Internationalised domain',
    activities: [
      { kind: 'email', title: 'Opened “Partner newsletter — October”', at: '2026-10-09T17:12:00Z' },
      { kind: 'form', title: 'Downloaded “Publishing CRM guide”', at: '2026-10-02T08:00:00Z' },
    ],
  },
  {
    id: 'c-1007',
    name: 'Aiko Tanaka',
    jobTitle: 'Marketing Manager',
    company: 'Sakura Foods',
    email: 'aiko.tanaka@sakura-foods.jp',
    phone: '+81 3 5550 2233',
    website: 'https://sakura-foods.jp/en/contact',
    country: 'Japan',
    lifecycleStage: 'Sales qualified lead',
    owner: 'Sam Okafor',
    createdAt: '2026-09-18T01:30:00Z',
    scenario: 'Shares a domain with Kenji Sato',
    activities: [
      {
        kind: 'call',
        title: 'Call logged',
        body: 'Introduced Kenji from finance as the budget holder.',
        at: '2026-10-04T02:00:00Z',
      },
    ],
  },
  {
    id: 'c-1008',
    name: 'Kenji Sato',
    jobTitle: 'Finance Director',
    company: 'Sakura Foods',
    email: 'kenji.sato@sakura-foods.jp',
    phone: '+81 3 5550 2240',
    website: 'www.sakura-foods.jp',
    country: 'Japan',
    lifecycleStage: 'Sales qualified lead',
    owner: 'Sam Okafor',
    createdAt: '2026-10-04T02:05:00Z',
    scenario: 'Shares a domain with Aiko Tanaka',
    activities: [{ kind: 'email', title: 'Opened “Quote for Sakura Foods”', at: '2026-10-20T04:10:00Z' }],
  },
  {
    id: 'c-1009',
    name: 'Eleanor Whitcombe-Fairbanks',
    jobTitle: 'Chief Digital Officer',
    company:
      'The Greater Northern Lakeshore Consolidated Municipal Water, Wastewater and Stormwater Infrastructure Authority (Administrative Services Division)',
    email: 'e.whitcombe-fairbanks@lakeshore-water-authority.org',
    phone: '+1 216 555 0143',
    website: 'https://lakeshore-water-authority.org/about/leadership',
    country: 'United States',
    lifecycleStage: 'Lead',
    owner: 'Dana Whitfield',
    createdAt: '2026-11-01T16:45:00Z',
    scenario: 'Very long company name',
    activities: [{ kind: 'form', title: 'Submitted “Public sector inquiry”', at: '2026-11-01T16:45:00Z' }],
  },
  {
    id: 'c-1010',
    name: '<img src=x onerror=alert(1)>',
    jobTitle: '<b>Security</b> researcher',
    company: '"><script>alert(document.domain)</script> Ltd',
    email: 'probe@xss-probe.dev',
    phone: '+44 20 5550 0000',
    website: 'https://xss-probe.dev/?q=<svg/onload=alert(1)>',
    country: '<i>United Kingdom</i>',
    lifecycleStage: 'Lead',
    owner: 'Sam Okafor',
    createdAt: '2026-11-20T12:00:00Z',
    scenario: 'Name that looks like markup',
    activities: [
      {
        kind: 'note',
        title: '<script>alert("timeline")</script>',
        body: 'Every field of this record must show as text.',
        at: '2026-11-20T12:00:00Z',
      },
    ],
  },
];

export function contactById(id: string | null | undefined): Contact | undefined {
  return CONTACTS.find((contact) => contact.id === id);
}

/**
 * Registrations the demo pre-seeds besides the generated ones: Jonas Becker was registered with the
 * domain his company used before its rebrand, so the card shows that the website no longer matches.
 */
export const PRESEEDED_REGISTRATIONS: readonly Registration[] = [
  {
    id: 'reg-demo-helix',
    domain: 'helixrobotics.de',
    contactId: 'c-1005',
    contactName: 'Jonas Becker',
    company: 'Helix Robotics GmbH',
    country: 'Germany',
    registeredAt: '2025-03-14T09:00:00Z',
    status: 'registered',
    expiresAt: null,
    renewals: 0,
  },
];

/**
 * The website as a link target, only when it is an http(s) address with a real host name; anything
 * else (empty, `intranet`, `ftp://…`, `javascript:…`) is shown as plain text.
 */
export function websiteHref(website: string): string | undefined {
  const value = website.trim();
  if (value === '') return undefined;
  // `acme.com:8080` is a host and port, not a scheme.
  const hasScheme = /^[a-z][a-z0-9+.-]*:(?!\d+(?:[/?#]|$))/i.test(value);
  const withScheme = hasScheme ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname.includes('.')) return undefined;
  return url.href;
}

/** Up to two initials from the letters of a name; `?` when it has none. */
export function initials(name: string): string {
  const words = name.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const letters = words.slice(0, 2).map((word) => word[0].toUpperCase());
  return letters.join('') || '?';
}
