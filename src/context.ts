import { createContext } from '@lit/context';
import type { CapacityBackend } from './core/types.js';
import type { ConfigurationError } from './state/resolve-backend.js';

/**
 * The backend a `<capacity-provider>` hands to every element inside it, or the mistake in its
 * configuration (a bad `api-base`), so that the elements say so instead of silently falling back to
 * the page's embedded store. An element inside a provider that has not upgraded yet waits for it and
 * asks again (see BackendController), so no ContextRoot is needed to replay its request.
 */
export const backendContext = createContext<CapacityBackend | ConfigurationError | undefined>(
  Symbol.for('lead-registration-widget/backend'),
);
