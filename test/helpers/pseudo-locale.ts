import type { MessageId, Messages } from '../../src/i18n/types.js';
import { ENGLISH, MESSAGE_IDS } from './catalogs.js';

/** The pseudo-locale: every message accented, some 40 % longer and bracketed, its syntax and values intact. */
export const PSEUDO_LOCALE = 'en-XA';

const ACCENTED: Record<string, string> = Object.fromEntries(
  Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ').map((letter, index) => [
    letter,
    Array.from('áƀçðéƒĝĥíĵķļɱñóþǫŕšţúṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĻṀÑÓÞǪŔŠŢÚṼŴẊÝŽ')[index],
  ]),
);
const VOWELS = /[aeiouyAEIOUY]/;

/** Literal text accented, each vowel doubled (some 40 % longer, as German or French often is). */
function pseudoText(text: string): string {
  return Array.from(text)
    .map((char) => (VOWELS.test(char) ? ACCENTED[char].repeat(2) : (ACCENTED[char] ?? char)))
    .join('');
}

/** `message` in the pseudo-locale: its literal text changed, its placeholders, plurals and selects as they are. */
function pseudoMessage(message: string): string {
  let at = 0;
  const sequence = (): string => {
    let out = '';
    while (at < message.length && message[at] !== '}') {
      const char = message[at++];
      out += char === '{' ? `{${argument()}}` : char === '#' ? char : pseudoText(char);
    }
    return out;
  };
  const argument = (): string => {
    const head = /\s*\w+\s*(?:,\s*(?:plural|select)\s*,)?/y;
    head.lastIndex = at;
    let out = head.exec(message)![0];
    at = head.lastIndex;
    for (let branch; (branch = /\s*=?\w+\s*\{/y), (branch.lastIndex = at), branch.test(message);) {
      out += message.slice(at, branch.lastIndex);
      at = branch.lastIndex;
      out += `${sequence()}}`;
      at++;
    }
    const close = message.indexOf('}', at);
    out += message.slice(at, close);
    at = close + 1;
    return out;
  };
  return `⟦${sequence()}⟧`;
}

/** Every message of the catalog in the pseudo-locale. */
export function pseudoMessages(): Messages {
  return Object.fromEntries(MESSAGE_IDS.map((id: MessageId) => [id, pseudoMessage(ENGLISH[id])])) as Messages;
}
