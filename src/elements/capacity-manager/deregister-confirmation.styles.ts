import { css } from 'lit';

/** The confirmation of a deregistration (deregister-confirmation.ts), in the panel's shadow root. */
export const deregisterConfirmationStyles = css`
  /* The confirmation: an alertdialog above the manager, in the frame of src/styles/modal-dialog.ts. */
  .confirmation {
    width: min(calc(100vw - 2rem), 32rem);
    max-height: min(calc(100dvh - 2rem), 40rem);
    box-shadow: 0 1.5rem 4rem rgb(0 0 0 / 0.35);
  }

  .confirmation[open] {
    display: flex;
    flex-direction: column;
  }

  .confirmation h3 {
    margin: 0;
    padding: 1.25rem 1.25rem 0.5rem;
    font-size: 1.125rem;
  }

  .confirmation .explanation {
    margin: 0;
    padding: 0 1.25rem 0.75rem;
  }

  .domains {
    flex: 0 1 auto;
    min-height: 3rem;
    max-height: 14rem;
    margin: 0 1.25rem;
    padding: 0.5rem 0.75rem;
    overflow: auto;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875rem;
  }

  /* Every domain whole, at any width: this is the list of what is about to go. A wrapped one hangs.
     (Only what cannot wrap at all, one character under a flood of combining marks, is cut off.) */
  .domains li {
    padding-inline-start: 1.5em;
    overflow: hidden;
    text-indent: -1.5em;
    text-overflow: ellipsis;
    overflow-wrap: anywhere;
    line-height: 1.6;
  }

  .confirmation .error {
    margin: 0.75rem 1.25rem 0;
    color: var(--_danger);
    font-weight: 600;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
    padding: 1rem 1.25rem 1.25rem;
  }
`;
