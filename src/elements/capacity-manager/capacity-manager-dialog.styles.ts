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
    /* Zoomed in (200 %, 400 %), or with long translations, what does not fit scrolls, by wheel and touch:
       nothing is cut off (WCAG 1.4.10). The page behind stays where it is. */
    overflow: auto;
    overscroll-behavior: contain;
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

  /* A short viewport (a 1280 × 900 screen at 200 %): the table's own scrolling would leave a few rows
     between the toolbar and the footer, so the dialog scrolls as a whole, the table at its full height. */
  @media (max-height: 36rem) {
    .frame {
      height: auto;
      min-height: 100%;
    }
    capacity-manager-panel {
      flex: none;
    }
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
