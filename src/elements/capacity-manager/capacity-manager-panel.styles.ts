import { css } from 'lit';

export const capacityManagerPanelStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    container-type: inline-size;
  }

  .status-bar {
    padding: 0.75rem 1.25rem;
    border-block-end: 1px solid var(--_border);
  }

  .status-bar capacity-meter {
    display: block;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    padding: 0.75rem 1.25rem;
  }

  .search {
    flex: 1 1 16rem;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    min-width: 0;
    font-size: 0.875rem;
    font-weight: 600;
  }

  /* The form controls: the search field and the page size. */
  .search input,
  select {
    min-height: 2.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }

  .search input {
    width: 100%;
    padding: 0.4em 0.75em;
    font-weight: 400;
  }

  select {
    padding: 0 0.5rem;
  }

  .selection {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    margin-inline-start: auto;
    align-self: end;
  }

  .selection-size {
    color: var(--_muted);
    font-size: 0.875rem;
  }

  .link {
    padding: 0.25em 0.25em;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }

  .count {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 0.4em;
    border-radius: 999px;
    background: light-dark(rgb(0 0 0 / 0.25), rgb(255 255 255 / 0.35));
    font-variant-numeric: tabular-nums;
  }

  .announcement {
    margin: 0;
    padding: 0 1.25rem;
    color: var(--_success);
    font-weight: 600;
  }

  /* Never display: none when empty: a live region that appears with its text is often not read out. */
  .announcement:not(:empty, .quiet) {
    padding-block-end: 0.5rem;
  }

  /* Focus moved by Tab scrolls a row into view below the sticky header, not under it (WCAG 2.4.11): the
     panel sets --_header-size to the header's height, which grows when a column's name wraps. */
  .scroller {
    flex: 1;
    min-height: 12rem;
    overflow: auto;
    border-block: 1px solid var(--_border);
    overscroll-behavior: contain;
    scroll-padding-block-start: var(--_header-size, 2.75rem);
  }

  /* A short viewport: the dialog scrolls as a whole (capacity-manager-dialog.styles.ts), the table at its
     full height, scrolling only sideways; a wheel over it scrolls the dialog. */
  @media (max-height: 36rem) {
    .scroller {
      flex: none;
      min-height: 0;
      overscroll-behavior: auto;
    }
  }

  table {
    width: 100%;
    min-width: 60rem;
    border-collapse: separate;
    border-spacing: 0;
    table-layout: fixed;
    font-size: 0.9375rem;
  }

  /* The short columns have their widths; domain, company and contact name share the rest. */
  col.check {
    width: 3rem;
  }
  col.country {
    width: 8rem;
  }
  col.registered-at {
    width: 9rem;
  }
  col.status {
    width: 8.5rem;
  }
  col.expires-at {
    width: 9.5rem;
  }

  thead th,
  thead td {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_surface-alt);
    border-block-end: 1px solid var(--_border);
    font-size: 0.875rem;
    text-align: start;
  }

  th,
  td {
    height: 2.75rem;
    padding: 0 0.75rem;
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: middle;
  }

  tbody th {
    font-weight: 600;
  }

  .check {
    padding: 0;
    text-align: center;
  }

  .check label {
    display: grid;
    place-items: center;
    height: 2.75rem;
    cursor: pointer;
  }

  input[type='checkbox'] {
    width: 1.125rem;
    height: 1.125rem;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }

  th[scope='col'] {
    padding: 0;
  }

  .sort {
    display: flex;
    align-items: center;
    gap: 0.35rem;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.25rem 0.75rem;
    border: 0;
    background: none;
    font-weight: 600;
    text-align: start;
    cursor: pointer;
  }

  /* A column's name wraps rather than being cut off: a translation may be longer than the English. */
  .sort span {
    min-width: 0;
    overflow-wrap: break-word;
    hyphens: auto;
  }

  .sort svg {
    flex: none;
    width: 0.75rem;
    height: 0.75rem;
    color: var(--_muted);
  }

  th[aria-sort] .sort svg {
    color: var(--_accent);
  }

  .sort:focus-visible {
    outline-offset: -2px;
  }

  .truncate {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  tbody tr:hover,
  tbody tr.selected {
    background: var(--_surface-alt);
  }

  tbody.stale {
    opacity: 0.55;
  }

  .skeleton span {
    display: block;
    height: 0.75rem;
    width: 70%;
    border-radius: 999px;
    background: var(--_surface-alt);
    animation: pulse 1.2s ease-in-out infinite alternate;
  }

  @keyframes pulse {
    to {
      opacity: 0.4;
    }
  }

  .message td {
    height: 10rem;
    text-align: center;
    color: var(--_muted);
  }

  .message p {
    margin: 0 0 0.75rem;
  }

  .message .error {
    color: var(--_danger);
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.25rem;
    padding: 0.625rem 1.25rem;
  }

  .page-size {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.875rem;
  }

  .range {
    margin: 0;
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
    font-size: 0.875rem;
  }

  .pages {
    display: flex;
    gap: 0.25rem;
  }

  .pages .button {
    min-width: 2.25rem;
    padding: 0.4em 0.5em;
  }

  .pages svg {
    width: 1rem;
    height: 1rem;
  }

  /* The chevrons point the way the pages go: in a right-to-left page, "next" is to the left. */
  .pages svg:dir(rtl) {
    transform: scaleX(-1);
  }

  [aria-busy='true'] {
    cursor: progress;
  }

  @container (max-width: 40rem) {
    .status-bar,
    .toolbar,
    .footer {
      padding-inline: 0.75rem;
    }
    .selection {
      margin-inline-start: 0;
      width: 100%;
    }
    .range {
      margin-inline-start: 0;
    }
    /* The domain says which row a checkbox selects, and a touch screen shows no title tooltip: on
       phones it takes the width beside the checkbox (the next column peeking in, to say that the
       rest scrolls sideways) and wraps, whole, instead of being cut off. */
    table {
      width: calc(100cqi + 48rem);
      min-width: 0;
    }
    col.domain {
      width: calc(100cqi - 6.5rem);
    }
    col.company {
      width: 10rem;
    }
    col.contact-name {
      width: 9rem;
    }
    col.country {
      width: 6.5rem;
    }
    col.registered-at {
      width: 8.5rem;
    }
    col.status {
      width: 8rem;
    }
    col.expires-at {
      width: 9.5rem;
    }
    tbody th {
      padding-block: 0.375rem;
    }
    tbody th .truncate {
      white-space: normal;
      overflow-wrap: anywhere;
    }
  }
`;
