import type { Capacity, ContactView, Registration } from './types.js';

/**
 * A change of the registrations that every element on the page learns from the answer of the call
 * that made it, so that none has to read again: a registration (the POST's answer), a
 * deregistration (the ids it removed or found already gone, which are no longer registered either way),
 * or a renewal (the registrations renewed, as they are now).
 */
export type RegistrationChange =
  | { type: 'registered'; registration: Registration; capacity: Capacity }
  | { type: 'deregistered'; ids: readonly string[]; capacity: Capacity }
  | { type: 'renewed'; registrations: readonly Registration[]; capacity: Capacity };

/**
 * `view` as it is after `change`: the rules of docs/contract.md#contact-view applied to what is
 * known, with no read. A change that does not concern the contact or its domain leaves them as they
 * were; the capacity is always the change's.
 */
export function applyChange(view: ContactView, change: RegistrationChange): ContactView {
  let { registration, lapsed, domain } = view;
  if (change.type === 'renewed') {
    for (const renewed of change.registrations) {
      if (registration?.id === renewed.id) registration = renewed;
      if (domain?.registration?.id === renewed.id) domain = { ...domain, registration: renewed };
    }
  } else if (change.type === 'registered') {
    const added = change.registration;
    const own = added.contactId === view.contactId;
    if (own) {
      registration = added;
      lapsed = null; // registered again
    }
    if (domain?.name === added.domain) {
      domain = own
        ? { name: domain.name, heldBy: 'this-contact' }
        : { name: domain.name, heldBy: 'other-contact', registration: added };
    }
  } else {
    const gone = new Set(change.ids);
    const ownGone = registration !== null && gone.has(registration.id);
    if (ownGone) registration = null;
    const holderGone =
      (domain?.heldBy === 'this-contact' && ownGone) ||
      (domain?.heldBy === 'other-contact' && domain.registration !== undefined && gone.has(domain.registration.id));
    // Only this partner held it, so releasing it leaves it to nobody.
    if (domain && holderGone) domain = { name: domain.name, heldBy: 'nobody' };
  }
  return { contactId: view.contactId, registration, lapsed, domain, capacity: change.capacity };
}
