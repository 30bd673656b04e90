import { html, type TemplateResult } from 'lit';
import { EXPIRY_WARNING_DAYS } from '../../core/lifecycle.js';
import type { RegistrationFilter } from '../../core/types.js';
import type { Localizer } from '../../i18n/localizer.js';

/** The list's filter: All, Pending review, or Expiring within 30 days (the query's `filter`). */
export function renderFilter(
  l: Localizer,
  filter: RegistrationFilter | undefined,
  setFilter: (filter: RegistrationFilter | undefined) => void,
): TemplateResult {
  const option = (value: RegistrationFilter | '', label: string): TemplateResult =>
    html`<option value=${value} ?selected=${(filter ?? '') === value}>${label}</option>`;
  return html`
    <label class="search filter">
      ${l.t('manager.filter')}
      <select
        id="filter"
        @change=${(event: Event) =>
          setFilter(((event.target as HTMLSelectElement).value || undefined) as RegistrationFilter | undefined)}
      >
        ${option('', l.t('manager.filterAll'))} ${option('pending', l.t('card.pending'))}
        ${option('expiring', l.t('manager.filterExpiring', { days: EXPIRY_WARNING_DAYS }))}
      </select>
    </label>
  `;
}
