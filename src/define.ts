import { defineElement } from './define-element.js';
import { CapacityManagerElement } from './elements/capacity-manager/capacity-manager.js';
import { CapacityMeterElement } from './elements/capacity-meter/capacity-meter.js';
import { CapacityProviderElement } from './elements/capacity-provider/capacity-provider.js';
import { LeadRegistrationCardElement } from './elements/lead-registration-card/lead-registration-card.js';

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
