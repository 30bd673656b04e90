export * from './types.js';
export * from './tiers.js';
export * from './errors.js';
export * from './domain.js';
export * from './query.js';
export * from './ledger.js';
export * from './contact-view.js';
