import { css } from 'lit';

/** The host box, in the entry file: the page keeps its layout while the meter's body loads. */
export const capacityMeterHostStyles = css`
  :host {
    display: block;
    --_track: var(--lr-meter-track, var(--_surface-alt));
    --_height: var(--lr-meter-height, 0.5rem);
    /* The height of its content (see .meter), so that nothing moves when the body arrives. */
    min-height: calc(1.5em + var(--_height) + 0.25rem);
  }

  :host([compact]) {
    display: inline-block;
    vertical-align: middle;
    max-width: 100%;
    min-height: 1.5em;
  }

  .load-failed {
    color: var(--_danger);
  }

  .loading {
    color: var(--_muted);
  }
`;
