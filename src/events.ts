import type { CapacityError } from './core/errors.js';
import type { BackendOperation, Capacity, Registration, RenewResult } from './core/types.js';

export type { BackendOperation };

/** The events of every element (docs/contract.md#events): CustomEvents that bubble and are composed. */
export interface LeadRegistrationEventDetails {
  'lead-registered': { registration: Registration; capacity: Capacity };
  'capacity-deregister-request': { registrations: Registration[] };
  'lead-deregistered': { removed: string[]; missing: string[]; capacity: Capacity };
  /** A renewal's answer: the registrations renewed and, per id, each refusal with its reason. */
  'lead-renewed': RenewResult;
  'capacity-change': { capacity: Capacity };
  /** Once per failed backend call, from the element whose call it was; `operation` is the adapter method. */
  'lead-registration-error': { error: CapacityError; operation: BackendOperation };
  'capacity-manager-open': Record<string, never>;
  'capacity-manager-close': Record<string, never>;
}

export type LeadRegistrationEventType = keyof LeadRegistrationEventDetails;

/**
 * Dispatches one of the widget's events from `target`. Returns false when a cancelable event was
 * cancelled with `preventDefault()`.
 */
export function emit<T extends LeadRegistrationEventType>(
  target: EventTarget,
  type: T,
  detail: LeadRegistrationEventDetails[T],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lead-registered': CustomEvent<LeadRegistrationEventDetails['lead-registered']>;
    'capacity-deregister-request': CustomEvent<LeadRegistrationEventDetails['capacity-deregister-request']>;
    'lead-deregistered': CustomEvent<LeadRegistrationEventDetails['lead-deregistered']>;
    'lead-renewed': CustomEvent<LeadRegistrationEventDetails['lead-renewed']>;
    'capacity-change': CustomEvent<LeadRegistrationEventDetails['capacity-change']>;
    'lead-registration-error': CustomEvent<LeadRegistrationEventDetails['lead-registration-error']>;
    'capacity-manager-open': CustomEvent<LeadRegistrationEventDetails['capacity-manager-open']>;
    'capacity-manager-close': CustomEvent<LeadRegistrationEventDetails['capacity-manager-close']>;
  }
}
