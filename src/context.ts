import { createContext } from '@lit/context';
import type { CapacityBackend } from './core/types.js';

/** The backend a `<capacity-provider>` hands to every element inside it. */
export const backendContext = createContext<CapacityBackend | undefined>(Symbol.for('lead-registration-widget/backend'));
