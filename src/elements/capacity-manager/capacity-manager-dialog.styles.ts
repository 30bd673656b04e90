import { css } from 'lit';

/** The dialog's size and layout, after its frame (src/styles/modal-dialog.ts): loaded with the manager's body. */
export const capacityManagerDialogStyles = css`
  dialog {
    /* 1440 px wide pages get a roomy dashboard; small screens get all of it. */
    width: min(calc(100vw - 2rem), var(--lr-manager-width, 72rem));
    max-width: none;
    height: min(calc(100dvh - 2rem), 48rem);
    max-height: none;
    margin: auto;
    box-shadow: 0 1.5rem 4rem rgb(0 0 0 / 0.3);
    overflow: hidden;
  }

  .frame {
    display: flex;
    flex-direction: column;
    height: 100%;
    min-height: 0;
  }

  .header {
    display: flex;
    align-items: center;
    gap: 1rem;
    padding: 0.75rem;
    padding-inline-start: 1.25rem;
    border-block-end: 1px solid var(--_border);
  }

  h2 {
    flex: 1;
    min-width: 0;
    margin: 0;
    font-size: 1.125rem;
    line-height: 1.3;
  }

  .close {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    padding: 0;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    cursor: pointer;
  }

  .close:hover {
    background: var(--_surface-alt);
  }

  .close svg {
    width: 1.25rem;
    height: 1.25rem;
  }

  capacity-manager-panel {
    flex: 1;
    min-height: 0;
  }

  .placeholder {
    flex: 1;
    display: grid;
    place-items: center;
    padding: 2rem;
    color: var(--_muted);
    text-align: center;
  }

  .placeholder[role='alert'] {
    color: var(--_danger);
  }

  @media (max-width: 40rem) {
    dialog {
      width: 100vw;
      height: 100dvh;
      border: 0;
      border-radius: 0;
    }
  }
`;
