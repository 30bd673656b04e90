import { css } from 'lit';

/** The registration lifecycle in the manager: the filter, the Status and Expires cells, the renewal's list. */
export const lifecycleStyles = css`
  /* A label above its field, as the search's. */
  .filter {
    flex: none;
  }

  .filter select {
    font-weight: 400;
  }

  /* The selection's size on Renew, a plain button: the badge of Deregister's red one would fail contrast in dark. */
  #renew .count {
    background: var(--_surface-alt);
  }

  /* A column that does not sort: its name where the sort buttons put theirs. */
  th.plain {
    padding-inline: 0.75rem;
  }

  .soon {
    display: block;
    color: var(--_warning);
    font-size: 0.8125rem;
    font-weight: 600;
  }

  /* The renewal: each domain, then its new date or why not, on the line below when it does not fit. */
  .renewals li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 1rem;
    padding-inline-start: 0;
    text-indent: 0;
  }

  .renewals .domain {
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .renewals .refusal {
    color: var(--_danger);
  }
`;
