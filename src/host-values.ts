/**
 * What the host page's attribute values mean, where a template may produce untidy ones
 * (docs/contract.md#untidy-attribute-values).
 */

/**
 * A text attribute's value, or undefined when it holds none: absent, blank, or the text `undefined` or `null` that a
 * template writes for a missing value. A value is kept as given otherwise (white space included).
 */
export function hostText(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  return text && text !== 'undefined' && text !== 'null' ? value! : undefined;
}

/**
 * A boolean attribute (`open`, `compact`): present means true, as in HTML, except the text `false`, which React 18
 * writes for a `false` prop. Reflected as the attribute's presence.
 */
export const booleanAttribute = {
  fromAttribute: (value: string | null): boolean => value !== null && value.trim() !== 'false',
  toAttribute: (value: boolean): string | null => (value ? '' : null),
};
