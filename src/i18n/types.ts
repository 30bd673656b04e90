import type { WebsiteProblem } from '../core/domain.js';
import type { CapacityErrorCode } from '../core/errors.js';
import type { managerMessages } from './manager-messages.js';
import type { entryMessages } from './messages.js';
import type { meterMessages } from './meter-messages.js';

/** The id of a message: stable, listed with its English text in docs/localization.md. */
export type MessageId =
  | keyof typeof entryMessages
  | keyof typeof managerMessages
  | keyof typeof meterMessages
  // Their English is core's: a CapacityError's default message, a website's problem (src/core/messages.ts).
  | `error.${CapacityErrorCode}`
  | `website.${WebsiteProblem}`;

/** A locale's every message, by id: what a translation holds. */
export type Messages = Record<MessageId, string>;

/** Some messages of a locale, by id: what a host sets with `setMessages`. */
export type MessageOverrides = Partial<Messages>;

/** The values put into a message's placeholders: text, numbers, or other phrases. */
export type MessageValues = Readonly<Record<string, string | number | Phrase>>;

/** A message to be said in the locale of whoever shows it: its id and its values. */
export interface Phrase {
  readonly id: MessageId;
  readonly values?: MessageValues;
}
