import { html, nothing, svg, type TemplateResult } from 'lit';
import type { BackendController } from '../../controllers/backend-controller.js';
import type { ElementBody } from '../../controllers/lazy-body.js';
import { EXPIRY_WARNING_DAYS } from '../../core/lifecycle.js';
import type { Capacity } from '../../core/types.js';
import { errorText } from '../../i18n/error-text.js';
import { addEnglish, type Localizer } from '../../i18n/localizer.js';
import { meterMessages } from '../../i18n/meter-messages.js';
import { capacityMeterStyles } from './capacity-meter-body.styles.js';
import { renderMeterLoading, type CapacityMeterElement } from './capacity-meter.js';

// The meter's English messages come with its chunk.
addEnglish(meterMessages);

const warningIcon = svg`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1.5 15 14H1z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/><path d="M8 6v4M8 11.5v1" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/></svg>`;

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

  render(l: Localizer): TemplateResult {
    const controller = this.#capacity;
    const compact = this.#host.compact;
    const mark = { lang: l.mark?.lang ?? nothing, dir: l.mark?.dir ?? nothing };
    if (controller.configError) {
      return html`<div class="meter error" lang=${mark.lang} dir=${mark.dir}>
        <span>${l.say(controller.configError)}</span>
      </div>`;
    }
    const capacity = controller.capacity;
    if (capacity) return this.#renderCapacity(capacity, l);
    if (controller.capacityError) {
      return html`
        <div class="meter error" role="alert" lang=${mark.lang} dir=${mark.dir}>
          <span
            >${
              compact
                ? l.t('meter.unavailable')
                : l.t('meter.loadError', { message: errorText(l, controller.capacityError) })
            }</span
          >
          <button
            class="button"
            type="button"
            aria-label=${l.t('meter.retry')}
            @click=${() => controller.readCapacity()}
          >
            ${l.t('common.retry')}
          </button>
        </div>
      `;
    }
    return renderMeterLoading(l, compact);
  }

  #renderCapacity(capacity: Capacity, l: Localizer): TemplateResult {
    const compact = this.#host.compact;
    const level = capacityLevel(capacity);
    const { used, limit } = capacity;
    const summary = l.t('capacity.summary', { used, limit });
    const warning = this.#warning(capacity, level, l);
    const tier = l.t(`tier.${capacity.tier}`);
    // How many expire soon: a line of its own, left out of the compact meter (a navigation bar has no room).
    const count = capacity.expiringSoon;
    const expiring = count > 0 && !compact ? l.t('meter.expiringSoon', { count, days: EXPIRY_WARNING_DAYS }) : '';
    const described = [warning ? 'warning' : '', expiring ? 'expiring' : ''].filter(Boolean).join(' ');
    return html`
      <div class="meter ${level}" lang=${l.mark?.lang ?? nothing} dir=${l.mark?.dir ?? nothing}>
        <span class="label" id="label">${l.t(compact ? 'meter.labelCompact' : 'meter.label')}</span>
        <span class="summary" part="summary">${compact ? l.t('meter.summaryCompact', { used, limit }) : summary}</span>
        <span class="tier">${compact ? tier : l.t('meter.tier', { tier, level: capacity.tier })}</span>
        <div
          class="track"
          part="meter"
          role="meter"
          aria-labelledby="label"
          aria-describedby=${described || nothing}
          aria-valuemin="0"
          aria-valuemax=${capacity.limit}
          aria-valuenow=${Math.min(capacity.used, capacity.limit)}
          aria-valuetext=${summary}
        >
          <div class="indicator" part="indicator"></div>
        </div>
        ${warning ? html`<span class="warning" id="warning">${warningIcon}${warning}</span>` : nothing}
        ${expiring ? html`<span class="expiring" id="expiring" part="expiring">${expiring}</span>` : nothing}
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

  #warning(capacity: Capacity, level: ReturnType<typeof capacityLevel>, l: Localizer): string | undefined {
    const compact = this.#host.compact;
    if (level === 'full') return l.t(compact ? 'meter.fullCompact' : 'meter.full');
    if (level === 'nearly-full') {
      return compact
        ? l.t('meter.nearlyFullCompact')
        : l.t('meter.nearlyFull', { count: capacity.limit - capacity.used });
    }
    return undefined;
  }
}
