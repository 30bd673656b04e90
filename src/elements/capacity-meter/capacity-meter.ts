import { html, LitElement, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { CapacityController } from '../../controllers/capacity-controller.js';
import { tierLabel } from '../../core/tiers.js';
import type { Capacity, CapacityBackend } from '../../core/types.js';
import { capacityLevel, capacitySummary, domainCount, formatNumber, tierName } from '../../format.js';
import { theme } from '../../styles/theme.js';
import { capacityMeterStyles } from './capacity-meter.styles.js';

const warningIcon = svg`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1.5 15 14H1z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/><path d="M8 6v4M8 11.5v1" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/></svg>`;

/**
 * The partner's registration capacity at a glance: domains used of the limit, the tier, and a bar
 * that fills up. Near the limit (90 %) and at it, it says so in words as well as in colour. Use it
 * on its own, e.g. in the host's top navigation (with `compact`); the Capacity Manager shows it as
 * its status bar. It updates whenever a registration or deregistration changes the capacity,
 * through any element on the page or in another tab.
 *
 * @tagname capacity-meter
 * @summary Registration capacity: domains used of the limit, with the partner tier.
 *
 * @event capacity-change - The capacity shown changed after it was first loaded (a registration or
 *   deregistration here, in another element or in another tab). Detail `{ capacity }`.
 * @event lead-registration-error - Reading the capacity failed. Detail `{ error }`, a `CapacityError`.
 *
 * @csspart meter - The bar (`role="meter"`).
 * @csspart indicator - The filled part of the bar.
 * @csspart summary - The text "134 of 500 domains used".
 *
 * @cssprop [--lr-meter-height=0.5rem] - Height of the bar.
 * @cssprop [--lr-meter-width=5rem] - Width of the bar when `compact`.
 * @cssprop [--lr-meter-track=var(--lr-surface-alt)] - The empty part of the bar.
 * @cssprop [--lr-accent=light-dark(#0b63c5, #6cb2ff)] - The filled part while there is room.
 * @cssprop [--lr-warning=light-dark(#8a5300, #ffc46b)] - The filled part and the warning at 90 % and over.
 * @cssprop [--lr-danger=light-dark(#b42318, #ff8b80)] - The filled part and the warning at the limit; errors.
 * @cssprop [--lr-surface-alt=light-dark(#f4f6f8, #252a31)] - Default of `--lr-meter-track`.
 * @cssprop [--lr-text=light-dark(#1c2430, #e8ecf1)] - Text.
 * @cssprop [--lr-muted=light-dark(#52606d, #a9b4c0)] - The tier and the loading text.
 * @cssprop [--lr-border=light-dark(#cbd2d9, #424a55)] - Outline of the bar.
 * @cssprop [--lr-radius=6px] - Corner radius of the Retry button.
 * @cssprop [--lr-focus-ring=2px solid var(--lr-accent)] - Focus outline.
 */
export class CapacityMeterElement extends LitElement {
  static override styles = [theme, capacityMeterStyles];

  /** Base URL of a REST backend (contract section 5); used when no `backend` is set. */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;

  /** The `CapacityBackend` to read; takes precedence over `api-base` and any `<capacity-provider>`. */
  @property({ attribute: false }) backend: CapacityBackend | undefined;

  /** One short line for a navigation bar ("Capacity ▮▮▯ 134 of 500 · Gold") instead of a full-width bar. */
  @property({ type: Boolean, reflect: true }) compact = false;

  readonly #capacity = new CapacityController(this);

  protected override render(): TemplateResult {
    const controller = this.#capacity;
    if (controller.configError) {
      return html`<div class="meter error"><span>${controller.configError}</span></div>`;
    }
    const capacity = controller.capacity;
    if (capacity) return this.#renderCapacity(capacity);
    if (controller.capacityError) {
      return html`
        <div class="meter error" role="alert">
          <span>${this.compact ? 'Capacity unavailable.' : `Your capacity could not be loaded. ${controller.capacityError.message}`}</span>
          <button class="button" type="button" aria-label="Retry loading your capacity" @click=${() => controller.refresh()}>
            Retry
          </button>
        </div>
      `;
    }
    return html`<div class="meter loading" role="status">${this.compact ? 'Capacity…' : 'Loading your capacity…'}</div>`;
  }

  #renderCapacity(capacity: Capacity): TemplateResult {
    const level = capacityLevel(capacity);
    const summary = capacitySummary(capacity, this);
    const warning = this.#warning(capacity, level);
    return html`
      <div class="meter ${level}">
        <span class="label" id="label">${this.compact ? 'Capacity' : 'Registration capacity'}</span>
        <span class="summary" part="summary">
          ${this.compact ? `${formatNumber(capacity.used, this)} of ${formatNumber(capacity.limit, this)}` : summary}
        </span>
        <span class="tier">${this.compact ? tierLabel(capacity.tier) : tierName(capacity)}</span>
        <div
          class="track"
          part="meter"
          role="meter"
          aria-labelledby="label"
          aria-describedby=${warning ? 'warning' : nothing}
          aria-valuemin="0"
          aria-valuemax=${capacity.limit}
          aria-valuenow=${Math.min(capacity.used, capacity.limit)}
          aria-valuetext=${summary}
        >
          <div class="indicator" part="indicator"></div>
        </div>
        ${warning ? html`<span class="warning" id="warning">${warningIcon}${warning}</span>` : nothing}
      </div>
    `;
  }

  protected override updated(): void {
    // Through the CSSOM, not a style attribute: a host page whose CSP allows no inline styles
    // (style-src without 'unsafe-inline') refuses the attribute, and the bar would show full.
    const capacity = this.#capacity.capacity;
    const indicator = this.renderRoot.querySelector<HTMLElement>('.indicator');
    if (capacity && indicator) {
      const share = capacity.limit > 0 ? Math.min(1, capacity.used / capacity.limit) : 1;
      indicator.style.width = `${(share * 100).toFixed(1)}%`;
    }
  }

  #warning(capacity: Capacity, level: ReturnType<typeof capacityLevel>): string | undefined {
    if (level === 'full') return this.compact ? 'Full' : 'Capacity full: deregister prospects to register new ones.';
    if (level === 'nearly-full') {
      const left = domainCount(capacity.limit - capacity.used, this);
      return this.compact ? 'Nearly full' : `Nearly full: ${left} left.`;
    }
    return undefined;
  }
}
