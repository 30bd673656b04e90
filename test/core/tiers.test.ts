import { expect } from '@open-wc/testing';
import { isCapacity } from '../../src/core/answers.js';
import { TIERS, TIER_LIMITS, isTier, limitForTier, tierLabel } from '../../src/core/tiers.js';
import type { Tier } from '../../src/core/types.js';
import { capacity } from '../helpers/registrations.js';

describe('tier limits', () => {
  const limits: ReadonlyArray<[Tier, number, string]> = [
    ['untiered', 50, 'Untiered'],
    ['silver', 500, 'Silver'],
    ['gold', 500, 'Gold'],
    ['platinum', 500, 'Platinum'],
    ['diamond', 1000, 'Diamond'],
  ];
  for (const [tier, limit, label] of limits) {
    it(`${tier} holds ${limit} domains`, () => {
      expect(TIER_LIMITS[tier]).to.equal(limit);
      expect(limitForTier(tier)).to.equal(limit);
      expect(limitForTier(tier, {})).to.equal(limit);
      expect(tierLabel(tier)).to.equal(label);
    });
  }

  it('lists the five tiers in order', () => {
    expect(TIERS).to.deep.equal(['untiered', 'silver', 'gold', 'platinum', 'diamond']);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(TIER_LIMITS)).to.equal(true);
  });

  const overrides: ReadonlyArray<[string, Tier, Partial<Record<Tier, number>>, number]> = [
    ['an override for the tier', 'gold', { gold: 750 }, 750],
    ['an override for another tier only', 'silver', { gold: 750 }, 500],
    ['an override of 0', 'untiered', { untiered: 0 }, 0],
    [
      'an override for every tier',
      'diamond',
      { untiered: 10, silver: 20, gold: 30, platinum: 40, diamond: 5000 },
      5000,
    ],
    ['an undefined override', 'platinum', { platinum: undefined }, 500],
  ];
  for (const [title, tier, override, expected] of overrides) {
    it(`takes ${title} (${tier} → ${expected})`, () => {
      expect(limitForTier(tier, override)).to.equal(expected);
    });
  }
});

describe('isTier', () => {
  const cases: ReadonlyArray<[unknown, boolean]> = [
    ['untiered', true],
    ['silver', true],
    ['gold', true],
    ['platinum', true],
    ['diamond', true],
    ['Gold', false],
    ['bronze', false],
    ['', false],
    ['toString', false],
    ['__proto__', false],
    ['constructor', false],
    [null, false],
    [undefined, false],
    [500, false],
    [{ tier: 'gold' }, false],
  ];
  for (const [value, expected] of cases) {
    it(`${expected ? 'accepts' : 'rejects'} ${JSON.stringify(value) ?? String(value)}`, () => {
      expect(isTier(value)).to.equal(expected);
    });
  }
});

describe('isCapacity', () => {
  const cases: ReadonlyArray<[string, unknown, boolean]> = [
    ['an empty capacity', capacity('untiered', 50, 0), true],
    ['a full capacity', capacity('diamond', 1000, 1000), true],
    ['a capacity over its limit (the limit was lowered)', capacity('silver', 500, 501), true],
    ['extra members', { ...capacity('gold', 500, 3), note: 'x' }, true],
    [
      'a 0.2 capacity, without policy and expiringSoon (capacityFrom completes it)',
      { tier: 'gold', limit: 500, used: 3 },
      false,
    ],
    ['a policy that is no policy', { ...capacity('gold', 500, 3), policy: { termDays: 0 } }, false],
    ['a negative count expiring soon', { ...capacity('gold', 500, 3), expiringSoon: -1 }, false],
    ['null', null, false],
    ['an array', [], false],
    ['text', 'gold', false],
    ['an unknown tier', { tier: 'bronze', limit: 50, used: 0 }, false],
    ['a missing tier', { limit: 50, used: 0 }, false],
    ['a missing limit', { tier: 'gold', used: 0 }, false],
    ['a missing used', { tier: 'gold', limit: 500 }, false],
    ['a limit as text', { tier: 'gold', limit: '500', used: 0 }, false],
    ['a fractional used', { tier: 'gold', limit: 500, used: 1.5 }, false],
    ['a negative used', { tier: 'gold', limit: 500, used: -1 }, false],
    ['a negative limit', { tier: 'gold', limit: -1, used: 0 }, false],
    ['used NaN', { tier: 'gold', limit: 500, used: Number.NaN }, false],
  ];
  for (const [title, value, expected] of cases) {
    it(`${expected ? 'accepts' : 'rejects'} ${title}`, () => {
      expect(isCapacity(value)).to.equal(expected);
    });
  }
});
