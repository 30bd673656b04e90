import { html, nothing, svg, type TemplateResult } from 'lit';
import type { BackendController } from '../../controllers/backend-controller.js';
import type { ElementBody } from '../../controllers/lazy-body.js';
import { tierLabel } from '../../core/tiers.js';
import type { Capacity } from '../../core/types.js';
import { capacitySummary, domainCount, formatNumber } from '../../format.js';
import { capacityMeterStyles } from './capacity-meter-body.styles.js';
import { renderMeterLoading, type CapacityMeterElement } from './capacity-meter.js';

const warningIcon = svg`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1.5 15 14H1z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/><path d="M8 6v4M8 11.5v1" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/></svg>`;

function tierName(capacity: Capacity): string {
  return `${tierLabel(capacity.tier)} partner`;
}

/** Fill level at which the meter warns that the capacity is nearly full. */
const NEARLY_FULL_RATIO = 0.9;

type CapacityLevel = 'ok' | 'nearly-full' | 'full';

function capacityLevel(capacity: Capacity): CapacityLevel {
  if (capacity.used >= capacity.limit) return 'full';
  return capacity.used >= capacity.limit * NEARLY_FULL_RATIO ? 'nearly-full' : 'ok';
}

/** What `<capacity-meter>` shows: a chunk of its own, loaded when the first meter connects. */
export class CapacityMeterBody implements ElementBody {
  readonly styles = [capacityMeterStyles];
  readonly #host: CapacityMeterElement;
  readonly #capacity: BackendController;

  constructor(host: CapacityMeterElement, capacity: BackendController) {
    this.#host = host;
    this.#capacity = capacity;
  }

  render(): TemplateResult {
    const controller = this.#capacity;
    if (controller.configError) {
      return html`<div class="meter error"><span>${controller.configError}</span></div>`;
    }
    const capacity = controller.capacity;
    if (capacity) return this.#renderCapacity(capacity);
    if (controller.capacityError) {
      return html`
        <div class="meter error" role="alert">
          <span
            >${this.#host.compact ? 'Capacity unavailable.' : `Your capacity could not be loaded. ${controller.capacityError.message}`}</span
          >
          <button
            class="button"
            type="button"
            aria-label="Retry loading your capacity"
            @click=${() => controller.readCapacity()}
          >
            Retry
          </button>
        </div>
      `;
    }
    return renderMeterLoading(this.#host.compact);
  }

  #renderCapacity(capacity: Capacity): TemplateResult {
    const host = this.#host;
    const level = capacityLevel(capacity);
    const summary = capacitySummary(capacity, host);
    const warning = this.#warning(capacity, level);
    return html`
      <div class="meter ${level}">
        <span class="label" id="label">${host.compact ? 'Capacity' : 'Registration capacity'}</span>
        <span class="summary" part="summary">
          ${host.compact ? `${formatNumber(capacity.used, host)} of ${formatNumber(capacity.limit, host)}` : summary}
        </span>
        <span class="tier">${host.compact ? tierLabel(capacity.tier) : tierName(capacity)}</span>
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

  hostUpdated(): void {
    // Through the CSSOM, not a style attribute: a host page whose CSP allows no inline styles
    // (style-src without 'unsafe-inline') refuses the attribute, and the bar would show full.
    const capacity = this.#capacity.capacity;
    const indicator = this.#host.renderRoot.querySelector<HTMLElement>('.indicator');
    if (capacity && indicator) {
      const share = capacity.limit > 0 ? Math.min(1, capacity.used / capacity.limit) : 1;
      indicator.style.width = `${(share * 100).toFixed(1)}%`;
    }
  }

  #warning(capacity: Capacity, level: ReturnType<typeof capacityLevel>): string | undefined {
    const host = this.#host;
    if (level === 'full') return host.compact ? 'Full' : 'Capacity full: deregister prospects to register new ones.';
    if (level === 'nearly-full') {
      const left = domainCount(capacity.limit - capacity.used, host);
      return host.compact ? 'Nearly full' : `Nearly full: ${left} left.`;
    }
    return undefined;
  }
}
