import { expect } from '@open-wc/testing';
import { generateRegistrations, mulberry32 } from '../../mocks/seed.js';
import { normalizeDomain } from '../../src/core/domain.js';
import { isRegistration } from '../../src/core/ledger.js';

const NOW = Date.parse('2026-11-01T00:00:00.000Z');
const TWO_YEARS = 730 * 86_400_000;

describe('generateRegistrations', () => {
  it('makes the same registrations for the same seed', () => {
    expect(generateRegistrations(200, 42, { now: NOW })).to.deep.equal(generateRegistrations(200, 42, { now: NOW }));
  });

  it('makes other registrations for another seed', () => {
    const [a] = generateRegistrations(1, 1, { now: NOW });
    const [b] = generateRegistrations(1, 2, { now: NOW });
    expect(a.id).to.not.equal(b.id);
    expect([a.domain, a.contactName, a.registeredAt]).to.not.deep.equal([b.domain, b.contactName, b.registeredAt]);
  });

  it('keeps ids stable for a seed, whatever the count', () => {
    const few = generateRegistrations(5, 9, { now: NOW });
    const many = generateRegistrations(50, 9, { now: NOW });
    expect(many.slice(0, 5)).to.deep.equal(few);
    expect(few.map((registration) => registration.id)).to.deep.equal([1, 2, 3, 4, 5].map((n) => `reg-9-0000${n}`));
  });

  for (const n of [0, 1, 137]) {
    it(`makes exactly ${n}`, () => {
      expect(generateRegistrations(n)).to.have.length(n);
    });
  }

  it('makes well-formed registrations with unique ids, contacts and valid, unique domains', () => {
    const registrations = generateRegistrations(3000, 5, { now: NOW });
    expect(registrations.every(isRegistration)).to.equal(true);
    for (const field of ['id', 'contactId', 'domain'] as const) {
      expect(new Set(registrations.map((registration) => registration[field])).size, field).to.equal(3000);
    }
    for (const { domain } of registrations) expect(normalizeDomain(domain), domain).to.equal(domain);
    // Some names give internationalised domains, stored as punycode like any registered domain.
    expect(registrations.some(({ domain }) => domain.includes('xn--'))).to.equal(true);
  });

  it('spreads registration dates over the two years before now', () => {
    const dates = generateRegistrations(500, 3, { now: NOW }).map(({ registeredAt }) => Date.parse(registeredAt));
    expect(Math.max(...dates)).to.be.at.most(NOW);
    expect(Math.min(...dates)).to.be.at.least(NOW - TWO_YEARS);
    expect(Math.max(...dates) - Math.min(...dates)).to.be.above(TWO_YEARS * 0.9);
  });

  it('uses plausible names, companies and countries, some with accents', () => {
    const registrations = generateRegistrations(500, 4, { now: NOW });
    const countries = new Set(registrations.map(({ country }) => country));
    for (const country of ['United States', 'Germany', 'Japan']) expect(countries.has(country), country).to.equal(true);
    expect([...countries].some((country) => /[^\x20-\x7e]/.test(country))).to.equal(true);
    expect(registrations.every(({ contactName }) => /^\S+ \S.*$/.test(contactName))).to.equal(true);
    expect(registrations.every(({ company }) => company.length > 3)).to.equal(true);
  });
});

describe('mulberry32', () => {
  it('is deterministic and in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const value = a();
      expect(value).to.equal(b());
      expect(value >= 0 && value < 1).to.equal(true);
    }
  });
});
