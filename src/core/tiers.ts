import type { Tier } from './types.js';

/** Capacity limits by partner tier, in registered domains. */
export const TIER_LIMITS: Readonly<Record<Tier, number>> = Object.freeze({
  untiered: 50,
  silver: 500,
  gold: 500,
  platinum: 500,
  diamond: 1000,
});

export const TIERS = Object.keys(TIER_LIMITS) as readonly Tier[];

export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && Object.hasOwn(TIER_LIMITS, value);
}

/** The limit of `tier`, with per-tier overrides (a custom contract) taking precedence. */
export function limitForTier(tier: Tier, overrides?: Partial<Record<Tier, number>>): number {
  return overrides?.[tier] ?? TIER_LIMITS[tier];
}

const TIER_LABELS: Readonly<Record<Tier, string>> = {
  untiered: 'Untiered',
  silver: 'Silver',
  gold: 'Gold',
  platinum: 'Platinum',
  diamond: 'Diamond',
};

export function tierLabel(tier: Tier): string {
  return TIER_LABELS[tier];
}
