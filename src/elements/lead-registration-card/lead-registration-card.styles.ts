import { css } from 'lit';

export const leadRegistrationCardStyles = css`
  :host {
    display: block;
    max-width: var(--lr-card-max-width, none);
  }

  .card {
    position: relative;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    line-height: 1.45;
    overflow-wrap: anywhere;
  }

  .header {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.375rem;
    padding-inline-start: 1rem;
    border-block-end: 1px solid var(--_border);
  }

  .title {
    flex: 1;
    min-width: 0;
    font-weight: 600;
  }

  .gear {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
  }

  .gear:hover,
  .gear[aria-expanded='true'] {
    border-color: var(--_border);
    background: var(--_surface-alt);
    color: var(--_text);
  }

  .gear svg {
    width: 1.25rem;
    height: 1.25rem;
  }

  .menu {
    position: absolute;
    z-index: 1;
    /* Under the gear, from its edge: the end of the header, left in a right-to-left page. */
    inset-block-start: calc(2.25rem + 0.75rem);
    inset-inline-end: 0.375rem;
    min-width: min(14rem, calc(100% - 0.75rem));
    max-width: calc(100% - 0.75rem);
    padding: 0.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.18);
  }

  .menu[hidden] {
    display: none;
  }

  [role='menuitem'] {
    display: block;
    width: 100%;
    min-height: 2.25rem;
    padding: 0.4em 0.75em;
    border: 0;
    border-radius: calc(var(--_radius) - 2px);
    background: transparent;
    text-align: start;
    cursor: pointer;
  }

  [role='menuitem']:hover,
  [role='menuitem']:focus {
    background: var(--_surface-alt);
  }

  .body {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    min-height: var(--lr-card-min-height, 10.5rem);
    padding: 0.875rem 1rem 1rem;
  }

  .state {
    display: flex;
    align-items: center;
    gap: 0.4em;
    margin: 0;
    font-weight: 600;
  }

  .state:focus {
    outline: none;
  }

  .state:focus-visible {
    outline: var(--_focus);
  }

  .icon {
    flex: none;
    width: 1.1em;
    height: 1.1em;
  }

  .not-registered {
    color: var(--_muted);
  }

  .registered {
    color: var(--_success);
  }

  .other-contact {
    color: var(--_accent);
  }

  .other-partner {
    color: var(--_warning);
  }

  .problem,
  .alert {
    color: var(--_danger);
  }

  .facts {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin: 0;
  }

  .facts > div {
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.75rem;
  }

  dt {
    flex: 0 0 6.5rem;
    color: var(--_muted);
  }

  dd {
    flex: 1 1 10rem;
    min-width: 0;
    margin: 0;
  }

  .domain {
    font-weight: 600;
  }

  /* Host and backend text can be of any length: a few lines at most, then an ellipsis (the full text
     stays in the tooltip and in the accessibility tree), so that the card keeps its place on the page. */
  .about,
  .facts dd,
  .website,
  .domain {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 4;
    overflow: hidden;
  }

  /* A domain breaks only where it must: a box of its own moves whole to the next line when it fits
     there ("northwind-analytics.com", not "northwind-" / "analytics.com"), and only a domain longer
     than the line breaks inside, anywhere. */
  .website,
  .domain {
    display: -webkit-inline-box;
    max-width: 100%;
    vertical-align: top;
  }

  .details {
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
  }

  .about {
    color: var(--_muted);
  }

  p {
    margin: 0;
  }

  /* Notes, reasons and alerts: one box, told apart by the colour of its edge. */
  .note,
  .reason,
  .alert {
    display: flex;
    gap: 0.5em;
    padding: 0.5rem 0.75rem;
    border-inline-start: 3px solid var(--_warning);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_surface-alt);
  }

  .reason {
    border-inline-start-color: var(--_muted);
  }

  .alert {
    border-inline-start-color: var(--_danger);
  }

  .alert .icon,
  .note .icon,
  .reason .icon {
    margin-block-start: 0.15em;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-start: auto;
  }

  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(1turn);
    }
  }

  .skeleton {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
  }

  .skeleton span {
    display: block;
    height: 1em;
    border-radius: 4px;
    background: var(--_surface-alt);
  }

  .skeleton span:nth-child(1) {
    width: 8rem;
    max-width: 60%;
  }

  .skeleton span:nth-child(2) {
    width: 14rem;
    max-width: 90%;
  }

  .skeleton span:nth-child(3) {
    width: 12rem;
    max-width: 75%;
  }

  .skeleton span:nth-child(4) {
    width: 6.5rem;
    height: 2.25rem;
    margin-block-start: auto;
  }
`;
