/**
 * Defines `tag` unless it already is: a second copy of the widget on a page (two bundles, a
 * micro-frontend) must not throw.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
