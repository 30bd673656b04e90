import { ContextRoot } from '@lit/context';
import { defineElement } from './define-element.js';
import { CapacityManagerElement } from './elements/capacity-manager/capacity-manager.js';
import { CapacityMeterElement } from './elements/capacity-meter/capacity-meter.js';
import { CapacityProviderElement } from './elements/capacity-provider/capacity-provider.js';
import { LeadRegistrationCardElement } from './elements/lead-registration-card/lead-registration-card.js';

// A consumer that asks for its backend before its <capacity-provider> has upgraded is answered
// once the provider appears (the ContextRoot replays unanswered requests).
const CONTEXT_ROOT = Symbol.for('lead-registration-widget/context-root');
const global = globalThis as typeof globalThis & { [CONTEXT_ROOT]?: true };
if (!global[CONTEXT_ROOT]) {
  global[CONTEXT_ROOT] = true;
  new ContextRoot().attach(document.documentElement);
}

defineElement('capacity-provider', CapacityProviderElement);
defineElement('capacity-meter', CapacityMeterElement);
defineElement('capacity-manager', CapacityManagerElement);
defineElement('lead-registration-card', LeadRegistrationCardElement);

declare global {
  interface HTMLElementTagNameMap {
    'capacity-provider': CapacityProviderElement;
    'capacity-meter': CapacityMeterElement;
    'capacity-manager': CapacityManagerElement;
    'lead-registration-card': LeadRegistrationCardElement;
  }
}
