// The package's public entry (and the self-contained build's): importing it defines every element.
export * from './core/index.js';
export { LocalBackend, type LocalBackendOptions } from './backends/local-backend.js';
export { RestBackend, type RestBackendOptions } from './backends/rest-backend.js';
export { CapacityManagerElement } from './elements/capacity-manager/capacity-manager.js';
export { CapacityMeterElement } from './elements/capacity-meter/capacity-meter.js';
export { CapacityProviderElement } from './elements/capacity-provider/capacity-provider.js';
export { LeadRegistrationCardElement } from './elements/lead-registration-card/lead-registration-card.js';
export type { LeadRegistrationEventDetails, LeadRegistrationEventType } from './events.js';
import './define.js';
