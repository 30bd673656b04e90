/**
 * Reads a message strictly (the syntax of message-format.ts) and says what it asks for, so that a
 * translation can be checked against its English source: the test of the catalogs and
 * scripts/messages.mjs use it. Not part of any page's code.
 */

export interface MessageShape {
  /** The names of the values the message uses, a plural's or a select's too. */
  values: Set<string>;
  /**
   * For each plural, the value it counts, the keys of its branches (`=0`, `one`, `other`) and whether a
   * branch shows the number (`#`).
   */
  plurals: { name: string; keys: string[]; showsNumber: boolean }[];
}

/** The shape of `message`; throws a SyntaxError that says where it is malformed. */
export function messageShape(message: string): MessageShape {
  const shape: MessageShape = { values: new Set(), plurals: [] };
  let at = 0;
  const fail = (why: string): never => {
    throw new SyntaxError(`${why} at character ${at + 1} of “${message}”.`);
  };
  const match = (pattern: RegExp): RegExpExecArray | null => {
    pattern.lastIndex = at;
    const found = pattern.exec(message);
    if (found) at = pattern.lastIndex;
    return found;
  };
  let hashes = 0;
  const sequence = (): void => {
    while (at < message.length && message[at] !== '}') {
      const char = message[at++];
      if (char === '{') argument();
      else if (char === '#') hashes++;
    }
  };
  const argument = (): void => {
    const head = match(/\s*(\w+)\s*(?:,\s*(\w+)\s*,)?/y) ?? fail('A value name is expected');
    const [, name, type] = head as unknown as [string, string, string | undefined];
    shape.values.add(name);
    if (type !== undefined) {
      if (type !== 'plural' && type !== 'select') fail(`“${type}” is not plural or select`);
      const keys: string[] = [];
      const before = hashes;
      for (let branch; (branch = match(/\s*(=\d+|\w+)\s*\{/y)); at++) {
        if (keys.includes(branch[1])) fail(`The branch ${branch[1]} is there twice`);
        keys.push(branch[1]);
        sequence();
        if (message[at] !== '}') fail('A branch is not closed');
      }
      if (!keys.includes('other')) fail(`The ${type} of ${name} has no “other” branch`);
      if (type === 'plural') shape.plurals.push({ name, keys, showsNumber: hashes > before });
    }
    if (!match(/\s*\}/y)) fail(`The value ${name} is not closed`);
  };
  sequence();
  if (at < message.length) fail('A “}” closes nothing');
  return shape;
}
