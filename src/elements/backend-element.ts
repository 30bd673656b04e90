import { adoptStyles, render, type LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { CapacityBackend } from '../core/types.js';
import { LocalizedElement } from './localized-element.js';

/**
 * What every widget element is configured with: a backend object, or the URL of a REST backend. How
 * an element finds its backend from these (and from a `<capacity-provider>` around it) is
 * BackendController's, once for all of them. Each speaks its page's language (LocalizedElement).
 *
 * @internal
 */
export class BackendElement extends LocalizedElement {
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    backend: { attribute: false },
  };

  /**
   * Base URL of a REST backend (docs/contract.md#5-the-rest-api), absolute or relative to the page; used when no
   * `backend` is set.
   */
  declare apiBase: string | undefined;

  /**
   * The `CapacityBackend` to use; takes precedence over `api-base` (and, on an element, over any
   * `<capacity-provider>`).
   */
  declare backend: CapacityBackend | undefined;

  /**
   * Rendered on a server, the element takes over that markup in the browser (Lit's hydration). Where the browser's
   * first render differs from the server's (a mistake only the browser sees, such as its provider's), hydrating
   * throws: the element renders afresh instead of staying as the server left it.
   */
  protected override update(changed: PropertyValues): void {
    const fromServer = !this.hasUpdated && this.renderRoot.hasChildNodes();
    try {
      super.update(changed);
    } catch (error) {
      if (!fromServer) throw error;
      const root = this.renderRoot as ShadowRoot;
      root.replaceChildren();
      adoptStyles(root, (this.constructor as typeof LitElement).elementStyles);
      render(this.render(), root, this.renderOptions);
    }
  }
}
