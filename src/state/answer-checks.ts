import { isCapacity, isContactView, isDeregisterResult, isRegistrationPage } from '../core/answers.js';
import { CapacityError } from '../core/errors.js';
import { isRegistration } from '../core/records.js';
import type {
  Capacity,
  ContactQuery,
  ContactView,
  DeregisterResult,
  RegisterInput,
  Registration,
  RegistrationPage,
  RegistrationQuery,
} from '../core/types.js';

/*
 * What can be checked of a backend's answers before any element shows them: their shape, for a host's backend as
 * for the REST API's, and whether they answer what was asked (docs/contract.md#answers-that-cannot-be-right). An
 * answer that cannot be right fails the call with `bad-response`, its message saying what was wrong.
 */

const ANOTHER_CONTACT = 'The registration service answered about another contact.';

function wrong(message?: string): CapacityError {
  return new CapacityError('bad-response', message === undefined ? {} : { message });
}

export function checkedCapacity(answer: unknown): Capacity {
  if (!isCapacity(answer)) throw wrong();
  return answer;
}

/** A contact's view about that contact: its `contactId`, its registration's, and a holder that is another contact. */
export function checkedView(answer: unknown, query: ContactQuery): ContactView {
  if (!isContactView(answer)) throw wrong();
  const { contactId, registration, domain } = answer;
  const holder = domain?.registration;
  if (contactId !== query.contactId || (registration && registration.contactId !== contactId)) {
    throw wrong(ANOTHER_CONTACT);
  }
  if (holder && (holder.contactId === contactId || holder.domain !== domain.name)) {
    throw wrong('The registration service answered about another domain.');
  }
  return answer;
}

/** The page asked for, of at most its size. */
export function checkedPage(answer: unknown, query: RegistrationQuery): RegistrationPage {
  if (!isRegistrationPage(answer)) throw wrong();
  const { page, pageSize, items } = answer;
  if (page !== (query.page ?? 1) || pageSize !== (query.pageSize ?? 25) || items.length > pageSize) {
    throw wrong('The registration service answered about another page.');
  }
  return answer;
}

/** The registration of the contact registered. */
export function checkedRegistration(registration: unknown, input: RegisterInput): Registration {
  if (!isRegistration(registration)) throw wrong();
  if (registration.contactId !== input.contactId) throw wrong(ANOTHER_CONTACT);
  return registration;
}

/**
 * A deregistration's result about the ids sent alone, each once: an id it names that was never sent is left out
 * (with a console warning), so that no element takes it for gone. The deregistration stands: a Retry would be
 * answered the same (idempotency), so failing it would help nobody.
 */
export function checkedDeregistration(answer: unknown, ids: readonly string[]): DeregisterResult {
  if (!isDeregisterResult(answer)) throw wrong();
  const unsent = new Set(ids);
  const keep = (id: string): boolean => unsent.delete(id);
  const result = { ...answer, removed: answer.removed.filter(keep), missing: answer.missing.filter(keep) };
  const strangers = [...answer.removed, ...answer.missing].filter((id) => !ids.includes(id));
  if (strangers.length > 0) {
    console.warn('lead-registration-widget: the deregistration answered about ids never sent, left out:', strangers);
  }
  return result;
}
