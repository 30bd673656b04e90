// Whitespace minification of Lit's html``, svg`` and css`` templates, for the self-contained build
// (the Vite plugin in vite.config.ts finds the templates; this file only rewrites their text, so that
// the browser tests can check it: test/build/lit-template-minifier.test.ts).
//
// Deliberately lexical and small. A minifier that parses the HTML (html-minifier) rewrites template
// fragments as if they were documents: it drops the `/>` of SVG elements (a <path> after a <circle>
// becomes its child) and wraps a lone <col> in a <colgroup>. This one never changes structure:
//
// - html``, svg``: a run of whitespace that contains a line break, outside attribute values and
//   comments, becomes one space. Outside `white-space: pre*`, a line break and indentation render as
//   one space anyway, so the page renders the same; refused where that does not hold (<pre>,
//   <textarea>, <style>, <script> in a template). Inside a tag, the white space before its `>` goes.
// - css``: comments go; white space goes next to `{ } ;`, before `,` and after `:`, and is one space
//   elsewhere; `;` before `}` goes. Never inside strings. A stylesheet that sets `white-space: pre*` is refused,
//   as the HTML rule above would no longer be safe.
//
// Each function takes the raw source text of a template's static parts (between its `${}`s) and
// returns the new text of each part: as many parts, expressions in the same places.

const WHITESPACE = /[ \t\n\r\f]/;
const RAW_TEXT_ELEMENT = /^<(pre|textarea|style|script|title|xmp|listing|plaintext)\b/i;

/**
 * @param {readonly string[]} parts
 * @returns {string[]}
 */
export function minifyHtmlTemplate(parts) {
  /** @type {'text' | 'tag' | 'double' | 'single' | 'comment'} */
  let state = 'text';
  return parts.map((part) => {
    let out = '';
    let i = 0;
    while (i < part.length) {
      const char = part[i];
      if ((state === 'text' || state === 'tag') && WHITESPACE.test(char)) {
        let end = i;
        while (end < part.length && WHITESPACE.test(part[end])) end += 1;
        const run = part.slice(i, end);
        // After a backslash the run is an escape or a line continuation in the JavaScript source: leave it.
        if (part[i - 1] === '\\') out += run;
        // Inside a tag, the run before its `>` goes (not before `/>`: after an unquoted value the `/` would join it).
        else if (!(state === 'tag' && part[end] === '>')) out += /[\n\r]/.test(run) ? ' ' : run;
        i = end;
        continue;
      }
      if (state === 'text' && char === '<') {
        if (part.startsWith('<!--', i)) {
          state = 'comment';
          out += '<!--';
          i += 4;
          continue;
        }
        const raw = RAW_TEXT_ELEMENT.exec(part.slice(i));
        if (raw)
          throw new Error(`<${raw[1]}> in an html template: its whitespace may be significant, so it is not minified.`);
        if (/[a-zA-Z/]/.test(part[i + 1] ?? '')) state = 'tag';
      } else if (state === 'tag') {
        if (char === '"') state = 'double';
        else if (char === "'") state = 'single';
        else if (char === '>') state = 'text';
      } else if (state === 'double') {
        if (char === '"') state = 'tag';
      } else if (state === 'single') {
        if (char === "'") state = 'tag';
      } else if (state === 'comment' && part.startsWith('-->', i)) {
        state = 'text';
        out += '-->';
        i += 3;
        continue;
      }
      out += char;
      i += 1;
    }
    return out;
  });
}

/**
 * White space before these goes, and after these. Not after a `,`: in a custom property's value and in
 * a `var()` fallback the browser keeps white space as written. After a `:`, yes: a pseudo-class's `:`
 * is never followed by a space, and a declaration's value starts at its first token.
 */
const TIGHT_BEFORE = new Set(['{', '}', ';', ',']);
const TIGHT_AFTER = new Set(['{', '}', ';', ':']);

/**
 * @param {readonly string[]} parts
 * @returns {string[]}
 */
export function minifyCssTemplate(parts) {
  const all = parts.join('');
  if (
    /white-space\s*:\s*(pre|break-spaces)/i.test(all) ||
    /white-space-collapse\s*:\s*(preserve|break-spaces)/i.test(all)
  ) {
    throw new Error(
      'A stylesheet preserves white space (white-space: pre…): html templates cannot be minified safely.',
    );
  }
  /** @type {'normal' | 'double' | 'single'} */
  let state = 'normal';
  const out = parts.map((part, index) => {
    const first = index === 0;
    const last = index === parts.length - 1;
    let text = '';
    let i = 0;
    while (i < part.length) {
      const char = part[i];
      if (state === 'double' || state === 'single') {
        // A backslash escapes the next character, in CSS as in the JavaScript source: copy both.
        if (char === '\\') {
          text += part.slice(i, i + 2);
          i += 2;
          continue;
        }
        if (char === (state === 'double' ? '"' : "'")) state = 'normal';
        text += char;
        i += 1;
        continue;
      }
      if (char === '"' || char === "'") {
        state = char === '"' ? 'double' : 'single';
        text += char;
        i += 1;
        continue;
      }
      if (part.startsWith('/*', i)) {
        const end = part.indexOf('*/', i + 2);
        if (end < 0) throw new Error('A comment in a css template spans an expression: not minified.');
        // As white space, so that the tokens either side stay apart.
        part = `${part.slice(0, i)} ${part.slice(end + 2)}`;
        continue;
      }
      if (WHITESPACE.test(char)) {
        let end = i;
        while (end < part.length && WHITESPACE.test(part[end])) end += 1;
        if (part[i - 1] === '\\') {
          text += part.slice(i, end); // an escape or line continuation in the JavaScript source
          i = end;
          continue;
        }
        // At the edge of a part, the neighbour is an expression: keep a space unless the other side is tight.
        const before = text === '' ? (first ? '{' : undefined) : text.at(-1);
        const after = end === part.length ? (last ? '}' : undefined) : part[end];
        const tight =
          (before !== undefined && TIGHT_AFTER.has(before)) || (after !== undefined && TIGHT_BEFORE.has(after));
        if (!tight) text += ' ';
        i = end;
        continue;
      }
      if (char === ';') {
        // `;` right before `}` (white space aside) goes.
        let next = i + 1;
        while (next < part.length && WHITESPACE.test(part[next])) next += 1;
        if (part[next] === '}') {
          i += 1;
          continue;
        }
      }
      text += char;
      i += 1;
    }
    return text;
  });
  if (state !== 'normal') throw new Error('A string in a css template spans an expression: not minified.');
  return out;
}
