import type { PropertyDeclarations } from 'lit';
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
}
