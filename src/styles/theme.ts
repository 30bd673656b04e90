import { css } from 'lit';

/**
 * The design tokens every element shares. Hosts theme with the documented `--lr-*` custom
 * properties; colours follow the page's `color-scheme` (light, dark, or both), and a host forces
 * either with `color-scheme: dark` (or `light`) on the element or an ancestor.
 */
export const theme = css`
  :host {
    --_accent: var(--lr-accent, light-dark(#0b63c5, #6cb2ff));
    --_on-accent: var(--lr-on-accent, light-dark(#ffffff, #06203d));
    --_surface: var(--lr-surface, light-dark(#ffffff, #1b1f24));
    --_surface-alt: var(--lr-surface-alt, light-dark(#f4f6f8, #252a31));
    --_text: var(--lr-text, light-dark(#1c2430, #e8ecf1));
    --_muted: var(--lr-muted, light-dark(#52606d, #a9b4c0));
    --_border: var(--lr-border, light-dark(#cbd2d9, #424a55));
    --_danger: var(--lr-danger, light-dark(#b42318, #ff8b80));
    --_warning: var(--lr-warning, light-dark(#8a5300, #ffc46b));
    --_success: var(--lr-success, light-dark(#1e7b34, #7ddc94));
    --_radius: var(--lr-radius, 6px);
    --_focus: var(--lr-focus-ring, 2px solid var(--_accent));
    font: inherit;
    color: var(--_text);
    -webkit-text-size-adjust: 100%;
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }

  button {
    font: inherit;
    color: inherit;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.25rem;
    padding: 0.4em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-weight: 600;
    cursor: pointer;
  }

  .button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }

  .button.danger {
    border-color: var(--_danger);
    background: var(--_danger);
    color: light-dark(#ffffff, #2a0805);
  }

  /* A disabled button is still read, and an aria-disabled one still focused: its text stays legible
     (WCAG AA, 4.5:1, in light and dark), where a faded one (opacity) was not. It is told apart by
     its neutral colours, whatever its kind. */
  .button:disabled,
  .button[aria-disabled='true'] {
    border-color: var(--_border);
    background: var(--_surface-alt);
    color: var(--_muted);
    cursor: not-allowed;
  }

  /* Forced colours (Windows contrast themes) replace the neutral colours above with the button's: the
     system's colour for what is disabled says it instead. */
  @media (forced-colors: active) {
    .button:disabled,
    .button[aria-disabled='true'] {
      border-color: GrayText;
      color: GrayText;
    }
  }

  /* Stopped, not sped up: an infinite animation at 0.01 ms per turn still flickers, and a 0.01 ms
     transition-duration on every element makes every style change a transition. */
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
