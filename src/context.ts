import { ContextRoot, createContext } from '@lit/context';
import type { CapacityBackend } from './core/types.js';
import type { ConfigurationError } from './state/resolve-backend.js';

/**
 * The backend a `<capacity-provider>` hands to every element inside it, or the mistake in its
 * configuration (a bad `api-base`), so that the elements say so instead of silently falling back to
 * the page's embedded store.
 */
export const backendContext = createContext<CapacityBackend | ConfigurationError | undefined>(
  Symbol.for('lead-registration-widget/backend'),
);

const CONTEXT_ROOT = Symbol.for('lead-registration-widget/context-root');

/**
 * Lets a consumer that asks for its backend before its `<capacity-provider>` has upgraded be answered
 * once the provider appears (the ContextRoot replays unanswered requests). Once per page, even with
 * two copies of the widget; must run before the first element connects.
 */
export function attachContextRoot(): void {
  const global = globalThis as typeof globalThis & { [CONTEXT_ROOT]?: true };
  if (global[CONTEXT_ROOT]) return;
  global[CONTEXT_ROOT] = true;
  new ContextRoot().attach(document.documentElement);
}
