import {
  capacityFrom,
  contactViewFrom,
  deregisterResultFrom,
  registrationPageFrom,
  renewResultFrom,
} from '../core/answers.js';
import { CapacityError } from '../core/errors.js';
import { registrationFrom } from '../core/records.js';
import type {
  Capacity,
  ContactQuery,
  ContactView,
  DeregisterResult,
  RegisterInput,
  Registration,
  RegistrationPage,
  RegistrationQuery,
  RenewResult,
} from '../core/types.js';

/*
 * What can be checked of a backend's answers before any element shows them: their shape, for a host's backend as
 * for the REST API's, and whether they answer what was asked (docs/contract.md#answers-that-cannot-be-right). An
 * answer that cannot be right fails the call with `bad-response`, its message saying what was wrong. A 0.2 host
 * backend's answer, without the lifecycle's fields, is completed with their defaults (src/core/answers.ts).
 */

const ANOTHER_CONTACT = 'The registration service answered about another contact.';

function wrong(message?: string): CapacityError {
  return new CapacityError('bad-response', message === undefined ? {} : { message });
}

export function checkedCapacity(answer: unknown): Capacity {
  const capacity = capacityFrom(answer);
  if (!capacity) throw wrong();
  return capacity;
}

/** A contact's view about that contact: its `contactId`, its registration's, and a holder that is another contact. */
export function checkedView(answer: unknown, query: ContactQuery): ContactView {
  const view = contactViewFrom(answer);
  if (!view) throw wrong();
  const { contactId, registration, lapsed, domain } = view;
  const holder = domain?.registration;
  if (
    contactId !== query.contactId ||
    (registration && registration.contactId !== contactId) ||
    (lapsed && lapsed.contactId !== contactId)
  ) {
    throw wrong(ANOTHER_CONTACT);
  }
  if (holder && (holder.contactId === contactId || holder.domain !== domain.name)) {
    throw wrong('The registration service answered about another domain.');
  }
  // A lapsed registration beside an active one is not shown ("Expired on" is for a contact with none).
  return registration && lapsed ? { ...view, lapsed: null } : view;
}

/** The page asked for, of at most its size. */
export function checkedPage(answer: unknown, query: RegistrationQuery): RegistrationPage {
  const checked = registrationPageFrom(answer);
  if (!checked) throw wrong();
  const { page, pageSize, items } = checked;
  if (page !== (query.page ?? 1) || pageSize !== (query.pageSize ?? 25) || items.length > pageSize) {
    throw wrong('The registration service answered about another page.');
  }
  return checked;
}

/** The registration of the contact registered. */
export function checkedRegistration(answer: unknown, input: RegisterInput): Registration {
  const registration = registrationFrom(answer);
  if (!registration) throw wrong();
  if (registration.contactId !== input.contactId) throw wrong(ANOTHER_CONTACT);
  return registration;
}

/**
 * A deregistration's result about the ids sent alone, each once: an id it names that was never sent is left out
 * (with a console warning), so that no element takes it for gone. The deregistration stands: a Retry would be
 * answered the same (idempotency), so failing it would help nobody.
 */
export function checkedDeregistration(answer: unknown, ids: readonly string[]): DeregisterResult {
  const checked = deregisterResultFrom(answer);
  if (!checked) throw wrong();
  const keep = sentOnce(ids, 'deregistration', [...checked.removed, ...checked.missing]);
  return { ...checked, removed: checked.removed.filter(keep), missing: checked.missing.filter(keep) };
}

/**
 * A renewal's result about the ids sent alone, each once, as with a deregistration; a renewed registration must
 * be one of them.
 */
export function checkedRenewal(answer: unknown, ids: readonly string[]): RenewResult {
  const checked = renewResultFrom(answer);
  if (!checked) throw wrong();
  const keep = sentOnce(ids, 'renewal', [...checked.renewed.map((row) => row.id), ...checked.refused.map((r) => r.id)]);
  return {
    ...checked,
    renewed: checked.renewed.filter((row) => keep(row.id)),
    refused: checked.refused.filter((refusal) => keep(refusal.id)),
  };
}

/** Keeps each id sent once (a call per id, in the answer's order); warns of the ids answered about but never sent. */
function sentOnce(ids: readonly string[], call: string, answered: readonly string[]): (id: string) => boolean {
  const strangers = answered.filter((id) => !ids.includes(id));
  if (strangers.length > 0) {
    console.warn(`lead-registration-widget: the ${call} answered about ids never sent, left out:`, strangers);
  }
  const unsent = new Set(ids);
  return (id) => unsent.delete(id);
}
