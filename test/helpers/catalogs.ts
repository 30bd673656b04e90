import { ERROR_MESSAGES, WEBSITE_PROBLEM_TEXT } from '../../src/core/messages.js';
import ar from '../../src/i18n/locales/ar.js';
import de from '../../src/i18n/locales/de.js';
import es from '../../src/i18n/locales/es.js';
import fr from '../../src/i18n/locales/fr.js';
import ja from '../../src/i18n/locales/ja.js';
import ptBR from '../../src/i18n/locales/pt-BR.js';
import { managerMessages } from '../../src/i18n/manager-messages.js';
import { entryMessages } from '../../src/i18n/messages.js';
import { meterMessages } from '../../src/i18n/meter-messages.js';
import type { MessageId, Messages } from '../../src/i18n/types.js';

/** Every English message by id: the entry's, the manager's and the meter's, and core's errors and website problems. */
export const ENGLISH: Messages = {
  ...entryMessages,
  ...managerMessages,
  ...meterMessages,
  ...(Object.fromEntries(Object.entries(ERROR_MESSAGES).map(([code, text]) => [`error.${code}`, text])) as Record<
    `error.${keyof typeof ERROR_MESSAGES}`,
    string
  >),
  ...(Object.fromEntries(
    Object.entries(WEBSITE_PROBLEM_TEXT).map(([problem, text]) => [`website.${problem}`, text]),
  ) as Record<`website.${keyof typeof WEBSITE_PROBLEM_TEXT}`, string>),
};

export const MESSAGE_IDS = Object.keys(ENGLISH).sort() as MessageId[];

/** The built-in translations by locale. */
export const TRANSLATIONS: Readonly<Record<string, Messages>> = { de, fr, es, 'pt-BR': ptBR, ja, ar };

/** The row of docs/localization.md's table of messages for `id`, before Prettier pads it (scripts/messages.mjs). */
export function documentedRow(id: MessageId): string {
  return `| \`${id}\` | ${ENGLISH[id].replace(/\|/g, '\\|')} |`;
}

/** A row of a Markdown table with its cells' padding gone, to compare rows as written with rows as formatted. */
export function unpadded(row: string): string {
  return row.replace(/ *\| */g, ' | ').trim();
}
