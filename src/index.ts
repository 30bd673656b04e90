// The package's public entry (and the self-contained build's): importing it defines every element.
// From core, what a page or a backend of its own needs; the rules over a set of registrations
// (RegistrationLedger, the query helpers) are for servers and tests: `lead-registration-widget/core`.
export type * from './core/types.js';
export * from './core/errors.js';
export * from './core/domain.js';
export * from './core/tiers.js';
export * from './core/records.js';
export * from './core/answers.js';
export { EXPIRY_WARNING_DAYS, NO_EXPIRY_POLICY, renewalOf, type RenewalCheck } from './core/lifecycle.js';
export { LocalBackend, type LocalBackendOptions } from './backends/local-backend.js';
export { RestBackend, type RestBackendOptions } from './backends/rest-backend.js';
export { CapacityManagerElement } from './elements/capacity-manager/capacity-manager.js';
export { CapacityMeterElement } from './elements/capacity-meter/capacity-meter.js';
export { CapacityProviderElement } from './elements/capacity-provider/capacity-provider.js';
export { LeadRegistrationCardElement } from './elements/lead-registration-card/lead-registration-card.js';
export type { LeadRegistrationEventDetails, LeadRegistrationEventType } from './events.js';
export { setMessages } from './i18n/localizer.js';
export type { MessageId, MessageOverrides, Messages } from './i18n/types.js';
import './define.js';
