import { TIERS, tierLabel } from '../core/tiers.js';
import type { Tier } from '../core/types.js';

// The English source of the meter's messages: in the meter's chunk, with what it shows (see
// messages.ts for the rest and for what ids promise).

const tiers = Object.fromEntries(TIERS.map((tier) => [`tier.${tier}`, tierLabel(tier)])) as Record<
  `tier.${Tier}`,
  string
>;

export const meterMessages = {
  'meter.label': 'Registration capacity',
  'meter.labelCompact': 'Capacity',
  'meter.summaryCompact': '{used} of {limit}',
  // `level` is the tier's code (untiered, silver, …), for a language that words one tier differently.
  'meter.tier': '{level, select, other {{tier} partner}}',
  'meter.full': 'Capacity full: deregister prospects to register new ones.',
  'meter.fullCompact': 'Full',
  'meter.nearlyFull': '{count, plural, one {Nearly full: # domain left.} other {Nearly full: # domains left.}}',
  'meter.nearlyFullCompact': 'Nearly full',
  'meter.expiringSoon': '{count, plural, one {# expires within {days} days.} other {# expire within {days} days.}}',
  'meter.loadError': 'Your capacity could not be loaded. {message}',
  'meter.retry': 'Retry loading your capacity',
  ...tiers,
};
