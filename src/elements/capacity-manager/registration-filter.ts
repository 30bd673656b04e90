import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { EXPIRY_WARNING_DAYS } from '../../core/lifecycle.js';
import type { RegistrationFilter } from '../../core/types.js';
import type { Localizer } from '../../i18n/localizer.js';

/** The search field: what it holds is `text`; the panel searches on Enter or a pause in typing. */
export function renderSearch(
  l: Localizer,
  text: string,
  onInput: (event: InputEvent) => void,
  onKeydown: (event: KeyboardEvent) => void,
): TemplateResult {
  return html`
    <label class="search">
      ${l.t('manager.search')}
      <input
        id="search"
        type="search"
        autocomplete="off"
        spellcheck="false"
        placeholder=${l.t('manager.searchPlaceholder')}
        .value=${live(text)}
        @input=${onInput}
        @keydown=${onKeydown}
      />
    </label>
  `;
}

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
