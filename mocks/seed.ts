import { checkWebsite } from '../src/core/domain.js';
import type { Registration, RegistrationPolicy } from '../src/core/types.js';

/** mulberry32: a tiny, fast, seedable PRNG; returns numbers in [0, 1). Good enough for fake data. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Country {
  name: string;
  /** The country's usual public suffix for companies. */
  suffix: string;
  /** A common legal form, to make company names look like the real thing. */
  legalForm: string;
  /** Relative frequency among a partner's prospects. */
  weight: number;
}

const COUNTRIES: readonly Country[] = [
  { name: 'United States', suffix: 'com', legalForm: 'Inc.', weight: 12 },
  { name: 'Germany', suffix: 'de', legalForm: 'GmbH', weight: 8 },
  { name: 'United Kingdom', suffix: 'co.uk', legalForm: 'Ltd', weight: 6 },
  { name: 'France', suffix: 'fr', legalForm: 'SAS', weight: 5 },
  { name: 'Japan', suffix: 'co.jp', legalForm: 'K.K.', weight: 4 },
  { name: 'Canada', suffix: 'ca', legalForm: 'Inc.', weight: 3 },
  { name: 'Netherlands', suffix: 'nl', legalForm: 'B.V.', weight: 3 },
  { name: 'Brazil', suffix: 'com.br', legalForm: 'Ltda.', weight: 3 },
  { name: 'India', suffix: 'in', legalForm: 'Pvt Ltd', weight: 3 },
  { name: 'Australia', suffix: 'com.au', legalForm: 'Pty Ltd', weight: 3 },
  { name: 'Spain', suffix: 'es', legalForm: 'S.L.', weight: 2 },
  { name: 'Sweden', suffix: 'se', legalForm: 'AB', weight: 2 },
  { name: 'Switzerland', suffix: 'ch', legalForm: 'AG', weight: 2 },
  { name: 'Mexico', suffix: 'com.mx', legalForm: 'S.A. de C.V.', weight: 2 },
  { name: 'Türkiye', suffix: 'com.tr', legalForm: 'A.Ş.', weight: 1 },
  { name: 'Côte d’Ivoire', suffix: 'ci', legalForm: 'SARL', weight: 1 },
  { name: 'Réunion', suffix: 're', legalForm: 'SARL', weight: 1 },
  { name: 'Curaçao', suffix: 'cw', legalForm: 'B.V.', weight: 1 },
  { name: 'São Tomé and Príncipe', suffix: 'st', legalForm: 'Lda.', weight: 1 },
  { name: 'Åland Islands', suffix: 'ax', legalForm: 'Ab', weight: 1 },
];
const COUNTRY_DRAW = COUNTRIES.flatMap((country) => Array<Country>(country.weight).fill(country));

// A few names with letters outside ASCII give internationalised (punycode) domains, as in real data.
const NAME_WORDS = [
  'Northwind',
  'Blue Harbor',
  'Silverline',
  'Granite',
  'Evergreen',
  'Brightpath',
  'Copperfield',
  'Ironbridge',
  'Lakeside',
  'Redwood',
  'Summit',
  'Pinecrest',
  'Harborview',
  'Starlight',
  'Oakridge',
  'Clearwater',
  'Sunrise',
  'Highland',
  'Riverbend',
  'Falcon',
  'Quantum',
  'Vertex',
  'Nimbus',
  'Atlas',
  'Orion',
  'Helix',
  'Polaris',
  'Meridian',
  'Keystone',
  'Zenith',
  'Nordlicht',
  'Sakura',
  'Aurora',
  'Cedar',
  'Maple',
  'Crescent',
  'Beacon',
  'Horizon',
  'Willow',
  'Lumière',
  'Sørensen',
  'Müller',
  'Bergström',
  'Ñandú',
];
const TRADE_WORDS = [
  'Analytics',
  'Logistics',
  'Software',
  'Foods',
  'Robotics',
  'Dynamics',
  'Systems',
  'Labs',
  'Energy',
  'Health',
  'Textiles',
  'Consulting',
  'Media',
  'Capital',
  'Foundry',
  'Networks',
  'Pharma',
  'Motors',
  'Studios',
  'Solutions',
  'Biotech',
  'Outfitters',
  'Partners',
  'Interactive',
  'Freight',
];
const FIRST_NAMES = [
  'Anna',
  'Lukas',
  'Sofia',
  'Mateo',
  'Yuki',
  'Haruto',
  'Olivia',
  'Liam',
  'Amélie',
  'Chloé',
  'Jürgen',
  'Björn',
  'Zoë',
  'José',
  'Inès',
  'Søren',
  'Aïcha',
  'Kwame',
  'Priya',
  'Arjun',
  'Emma',
  'Noah',
  'Mia',
  'Elena',
  'Ömer',
  'Łukasz',
  'Siobhán',
  'Ana',
  'Daniel',
  'Grace',
  'Hiroshi',
  'Fatou',
  'Lars',
  'Camille',
  'Diego',
  'Nora',
];
const LAST_NAMES = [
  'Müller',
  'Schmidt',
  'García',
  'Martin',
  'Tanaka',
  'Suzuki',
  'Smith',
  'Johnson',
  'Dubois',
  'Rossi',
  'Kowalski',
  'Andersson',
  'Yılmaz',
  'Okafor',
  'Koné',
  'Patel',
  'Sharma',
  'Silva',
  'Costa',
  'van der Berg',
  'O’Brien',
  'Nakamura',
  'Fernández',
  'Lefèvre',
  'Novak',
  'Bianchi',
  'Ødegaard',
  'Kim',
  'Chen',
  'Nguyen',
  'Diallo',
  'Brown',
];

const DAY_MS = 86_400_000;
const SPAN_MS = 730 * DAY_MS;

export interface GenerateOptions {
  /** Registrations fall in the two years before this; default the start of the current UTC day. */
  now?: Date | number;
  /**
   * The policy they were made under: with a term, each expires within one term from `now` (as if renewed in time),
   * some of them within EXPIRY_WARNING_DAYS; with review, about one in ten is pending. Default: none of either.
   */
  policy?: RegistrationPolicy;
}

/**
 * `n` plausible registrations, the same for the same `seed` (and the same day, or `now`): ids
 * `reg-<seed>-00001`…, contact ids `contact-<seed>-00001`…, unique domains as the server would store
 * them (contract section 6), registration dates over the last two years.
 */
export function generateRegistrations(n: number, seed = 1, options: GenerateOptions = {}): Registration[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const end = options.now === undefined ? Math.floor(Date.now() / DAY_MS) * DAY_MS : +options.now;
  const domains = new Set<string>();
  const registrations: Registration[] = [];
  // A generator of its own, so that the other fields are the same with or without a policy.
  const lifecycle = mulberry32(seed ^ 0x5eed);
  const termMs = options.policy?.termDays ? options.policy.termDays * DAY_MS : 0;
  const review = options.policy?.review ?? false;

  for (let index = 1; index <= n; index++) {
    const country = pick(COUNTRY_DRAW);
    const name = pick(NAME_WORDS);
    const trade = random() < 0.8 ? pick(TRADE_WORDS) : '';
    const company = [name, trade, country.legalForm].filter(Boolean).join(' ');
    const domain = uniqueDomain(name, trade, country.suffix, random, domains);
    const number = String(index).padStart(5, '0');
    registrations.push({
      id: `reg-${seed}-${number}`,
      domain,
      contactId: `contact-${seed}-${number}`,
      contactName: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
      company,
      country: country.name,
      registeredAt: new Date(end - Math.floor((random() * SPAN_MS) / 1000) * 1000).toISOString(),
      status: review && lifecycle() < 0.1 ? 'pending' : 'registered',
      // From the next day on, so that none lapses as soon as it is served.
      expiresAt: termMs
        ? new Date(end + DAY_MS + Math.floor((lifecycle() * termMs) / 1000) * 1000).toISOString()
        : null,
      renewals: termMs ? Math.floor(lifecycle() * 3) : 0,
    });
  }
  return registrations;
}

/** A domain for the company not yet in `taken`, normalised exactly as a registration's would be. */
function uniqueDomain(name: string, trade: string, suffix: string, random: () => number, taken: Set<string>): string {
  const slug = (words: string): string => words.toLowerCase().replace(/\s+/g, '');
  const base =
    trade === '' ? slug(name) : random() < 0.5 ? `${slug(name)}${slug(trade)}` : `${slug(name)}-${slug(trade)}`;
  for (let attempt = 1; ; attempt++) {
    const check = checkWebsite(`${attempt === 1 ? base : `${base}${attempt}`}.${suffix}`);
    if (!check.ok) throw new Error(`The seed word lists make an invalid domain from “${base}”.`);
    if (!taken.has(check.domain)) {
      taken.add(check.domain);
      return check.domain;
    }
  }
}
