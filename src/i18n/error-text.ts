import type { CapacityError } from '../core/errors.js';
import { language, type Localizer } from './localizer.js';

/**
 * What a failure says to the partner, in the element's language: a message given to the error (a
 * server's problem `detail`) when it is in that language, else the catalog's words for its code, whose
 * English is the error's default message.
 */
export function errorText(localizer: Localizer, error: CapacityError): string {
  return error.lang && language(error.lang) === language(localizer.locale)
    ? error.message
    : localizer.t(`error.${error.code}`, undefined, error.message);
}
