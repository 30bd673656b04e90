// An internationalised domain in its own letters (bücher.de, not xn--bcher-kva.de) where that cannot
// deceive, as browsers show it in the address bar. A chunk of its own, loaded by display-domain.ts the
// first time a domain to show has a punycode label: most pages never need it.

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;

/** RFC 3492 §6.1: the bias after a code point. */
function adapt(delta: number, points: number, first: boolean): number {
  delta = first ? Math.floor(delta / 700) : delta >> 1;
  delta += Math.floor(delta / points);
  let k = 0;
  for (; delta > 455; k += BASE) delta = Math.floor(delta / 35);
  return k + Math.floor((36 * delta) / (delta + 38));
}

/** RFC 3492 §6.2: the Unicode of a punycode label (without `xn--`, lowercase); undefined when it is not one. */
export function decodePunycode(input: string): string | undefined {
  const basic = Math.max(input.lastIndexOf('-'), 0);
  const output = Array.from(input.slice(0, basic), (char) => char.charCodeAt(0));
  let code = 128;
  let bias = 72;
  let i = 0;
  for (let at = basic > 0 ? basic + 1 : 0; at < input.length;) {
    const before = i;
    for (let weight = 1, k = BASE; ; k += BASE) {
      const c = input.charCodeAt(at++);
      // a–z are 0–25, 0–9 are 26–35; anything else (or the end, NaN) is no digit.
      const digit = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : BASE;
      if (digit >= BASE) return undefined;
      i += digit * weight;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      weight *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - before, length, before === 0);
    code += Math.floor(i / length);
    i %= length;
    if (code > 0x10ffff) return undefined;
    output.splice(i++, 0, code);
  }
  return String.fromCodePoint(...output);
}

// The scripts a label may be written in (ISO 15924 codes): one, with digits, hyphens and combining
// marks (Zyyy, Zinh); or Latin with the scripts Japanese, Chinese and Korean mix. Others mixed (Latin
// with Cyrillic: "pаypal" with a Cyrillic а) deceive; so do scripts not listed here. Chromium's IDN
// spoof checker allows roughly the same.
const SCRIPT_SETS = (
  'Latn Grek Cyrl Armn Hebr Arab Thaa Deva Beng Guru Gujr Orya Taml Telu Knda Mlym Sinh Thai Laoo Tibt Mymr Geor ' +
  'Ethi Khmr Mong Latn+Hani+Hira+Kana Latn+Hani+Hang Latn+Hani+Bopo'
)
  .split(' ')
  .map((set) => new RegExp(`^[${set.replace(/(\w+)\+?/g, '\\p{sc=$1}')}\\p{sc=Zyyy}\\p{sc=Zinh}]+$`, 'u'));

/** Letters, marks, digits and hyphens, nothing else (no symbol, space or control): what a host name holds. */
const HOST_CHARACTERS = /^[\p{L}\p{M}\p{N}-]+$/u;

/** Cyrillic letters that look like Latin ones: a label of only these (аррӏе) reads as a Latin name. */
const LATIN_LOOKALIKES = /^[асԁеһіјӏорԛѕԝхуъьҽпгѵѡ\d-]+$/u;

function isSafe(label: string, topLevel: string): boolean {
  return (
    HOST_CHARACTERS.test(label) &&
    label === label.toLowerCase() &&
    SCRIPT_SETS.some((set) => set.test(label)) &&
    // A whole-script homograph: Cyrillic made to read as Latin, under a top-level domain that is not Cyrillic.
    !(LATIN_LOOKALIKES.test(label) && !/\p{sc=Cyrl}/u.test(topLevel))
  );
}

/**
 * `domain` (ASCII, as registered) as a person reads it: each punycode label in Unicode, unless one of
 * them could pass for another name (mixed scripts, a Cyrillic look-alike of a Latin name) or is no
 * valid punycode; then the ASCII form, whole, as browsers do.
 */
export function unicodeDomain(domain: string): string {
  const labels = domain.split('.');
  const shown = labels.map((label) => (label.startsWith('xn--') ? decodePunycode(label.slice(4)) : label));
  const topLevel = shown.at(-1) ?? '';
  const safe = shown.every(
    (label, index) =>
      label !== undefined && (label === labels[index] || (/[^\0-\x7f]/.test(label) && isSafe(label, topLevel))),
  );
  return safe ? shown.join('.') : domain;
}
