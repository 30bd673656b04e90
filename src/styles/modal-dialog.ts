import { css } from 'lit';

/**
 * The frame and backdrop of the Capacity Manager's modal dialogs: the manager itself and its
 * deregistration confirmation. Size, shadow and layout stay each dialog's own. (The small dialog that
 * stands in while the manager's chunk loads is in the page's entry file and keeps a plainer look.)
 */
export const modalDialog = css`
  dialog {
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 1.5);
    background: var(--_surface);
    color: var(--_text);
  }

  dialog::backdrop {
    background: var(--lr-backdrop, rgb(15 20 25 / 0.55));
  }
`;
