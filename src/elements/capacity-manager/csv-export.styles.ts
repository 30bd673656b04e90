import { css } from 'lit';

/** Export CSV in the toolbar: its button, and beside it the progress or why it stopped. */
export const csvExportStyles = css`
  .export {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    align-self: end;
  }

  .export-progress {
    color: var(--_muted);
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }

  .export .error {
    color: var(--_danger);
    font-size: 0.875rem;
  }
`;
