/**
 * The messages' syntax, a subset of ICU MessageFormat that translators and translation tools know:
 * `{name}` is a value; `{count, plural, =0 {…} one {…} other {…}}` takes a branch by the number's
 * plural category in the locale (`Intl.PluralRules`: English has one and other, Arabic six), an exact
 * `=n` first, with `#` for the number as the locale writes it; `{kind, select, a {…} other {…}}` takes
 * one by text. Every plural and select has an `other` branch. Braces are syntax only: a message has
 * no literal `{` or `}`. (message-shape.ts reads the same syntax strictly, to check catalogs.)
 */

/** How a message formats numbers: the locale's plural category of one, and the number as the locale writes it. */
export interface NumberRules {
  plural(value: number): string;
  number(value: number): string;
}

const HEAD = /\s*(\w+)\s*(?:,\s*(plural|select)\s*,)?\s*/y;
const CASE = /\s*(=?\w+)\s*\{/y;

/**
 * `message` with `values` put in: text, and each value as given (a number as the locale writes it),
 * so that a template can show an element where a string shows text. Throws when the message wants a
 * value that `values` lacks (a host's message with a placeholder of its own).
 */
export function formatMessage(
  message: string,
  values: Readonly<Record<string, unknown>>,
  rules: NumberRules,
): unknown[] {
  const out: unknown[] = [];
  let at = 0;
  const match = (pattern: RegExp): (string | undefined)[] => {
    pattern.lastIndex = at;
    const found = pattern.exec(message);
    if (found) at = pattern.lastIndex;
    return found ?? [];
  };
  // Text, values and branches up to the `}` that closes the branch, written out when `write`; `#` is `count`.
  const branch = (write: boolean, count?: string): void => {
    let text = '';
    for (let char; (char = message[at++]) !== undefined && char !== '}';) {
      if (char === '#' && count !== undefined) text += count;
      else if (char !== '{') text += char;
      else {
        if (write) out.push(text);
        text = '';
        argument(write, count);
      }
    }
    if (write) out.push(text);
  };
  const argument = (write: boolean, count?: string): void => {
    const [, name = '', type] = match(HEAD);
    const value = values[name];
    if (write && value === undefined) throw new ReferenceError(`“${message}” needs a value for ${name}.`);
    if (!type) {
      at++; // the closing brace
      if (write) out.push(typeof value === 'number' ? rules.number(value) : value);
      return;
    }
    // Where each branch starts: read past them all, then write the one that applies.
    const starts: Record<string, number> = {};
    for (let key; (key = match(CASE)[1]);) {
      starts[key] = at;
      branch(false);
    }
    match(/\s*\}/y);
    const end = at;
    const number = Number(value);
    at = starts[`=${number}`] ?? starts[type === 'plural' ? rules.plural(number) : String(value)] ?? starts['other'];
    branch(write, type === 'plural' ? rules.number(number) : count);
    at = end;
  };
  branch(true);
  return out;
}
