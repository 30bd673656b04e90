import type { LeadRegistrationCardElement } from '../../src/elements/lead-registration-card/lead-registration-card.js';
import { q, textOf } from './dom.js';
import { eventually } from './wait.js';

type Card = LeadRegistrationCardElement;

/** The state line a partner reads first ("Registered", "Not registered", …). */
export function stateOf(card: Card): string {
  return textOf(q(card, '.state'));
}

/** All the card's body says, on one line: what a failing test reports the card showed. */
export function bodyOf(card: Card): string {
  return textOf(q(card, '.body'));
}

/** The value the card shows for `term` in its list of facts ("Domain", "Registered", "Contact", …). */
export function factOf(card: Card, term: string): string | undefined {
  const dt = [...card.shadowRoot!.querySelectorAll('dt')].find((element) => textOf(element) === term);
  return dt ? textOf(dt.nextElementSibling) : undefined;
}

/** The Register button; throws, saying what the card shows instead, when there is none. */
export function registerButton(card: Card): HTMLButtonElement {
  const button = card.shadowRoot!.querySelector<HTMLButtonElement>('#register');
  if (!button) throw new Error(`No Register button; the card shows “${bodyOf(card)}”.`);
  return button;
}

/** Waits until the card's state line reads `state`, then for its update. */
export async function cardShows(card: Card, state: string): Promise<void> {
  await eventually(
    () => stateOf(card) === state,
    () => `the card did not show “${state}”; it shows “${bodyOf(card)}”`,
  );
  await card.updateComplete;
}
