import { css } from 'lit';

/** Everything but the host box: loaded with the meter's body. */
export const capacityMeterStyles = css`
  .meter {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
    min-height: calc(1.5em + var(--_height) + 0.25rem);
    line-height: 1.5;
  }

  :host([compact]) .meter {
    align-items: center;
    gap: 0.125rem 0.5rem;
    min-height: 1.5em;
  }

  .label {
    font-weight: 600;
  }

  .summary {
    font-variant-numeric: tabular-nums;
  }

  .tier {
    color: var(--_muted);
  }

  .track {
    flex: 1 0 100%;
    height: var(--_height);
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_track);
    overflow: hidden;
  }

  /* A width, not a flex-basis: a shrink-to-fit navigation sizes the meter by its items' widths. */
  :host([compact]) .track {
    flex: 0 1 auto;
    width: var(--lr-meter-width, 5rem);
    min-width: 2.5rem;
  }

  .indicator {
    height: 100%;
    background: var(--_accent);
    transition: width 0.3s ease;
  }

  .nearly-full .indicator {
    background: var(--_warning);
  }

  .full .indicator {
    background: var(--_danger);
  }

  .warning {
    display: inline-flex;
    align-items: baseline;
    gap: 0.35em;
    font-weight: 600;
  }

  :host(:not([compact])) .warning,
  .expiring {
    flex-basis: 100%;
  }

  .expiring {
    color: var(--_muted);
  }

  .nearly-full .warning {
    color: var(--_warning);
  }

  .full .warning,
  .error {
    color: var(--_danger);
  }

  .icon {
    flex: none;
    width: 1em;
    height: 1em;
    align-self: center;
  }

  .error .button {
    min-height: 1.75rem;
    padding: 0.1em 0.75em;
  }

  @media (forced-colors: active) {
    .indicator {
      background: CanvasText;
    }
  }
`;
