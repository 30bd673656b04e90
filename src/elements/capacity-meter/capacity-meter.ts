import { html, isServer, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { BackendController } from '../../controllers/backend-controller.js';
import { LazyBody } from '../../controllers/lazy-body.js';
import { booleanAttribute } from '../../host-values.js';
import type { Localizer } from '../../i18n/localizer.js';
import { theme } from '../../styles/theme.js';
import { BackendElement } from '../backend-element.js';
import type { CapacityMeterBody } from './capacity-meter-body.js';
import { capacityMeterHostStyles } from './capacity-meter.styles.js';

/** The meter while its capacity is not known yet: the same template from the entry and from the body. */
export function renderMeterLoading(l: Localizer, compact: boolean): TemplateResult {
  const text = l.t(compact ? 'meter.loadingCompact' : 'meter.loading');
  const { lang = nothing, dir = nothing } = l.mark ?? {};
  return html`<div class="meter loading" role="status" lang=${lang} dir=${dir}>${text}</div>`;
}

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
 * @event lead-registration-error - Reading the capacity failed (once per failed read, however many
 *   elements show it). Detail `{ error, operation }`.
 *
 * @csspart meter - The bar (`role="meter"`).
 * @csspart indicator - The filled part of the bar.
 * @csspart summary - The text "134 of 500 domains used".
 * @csspart expiring - The line "3 expire within 30 days.", when some do (not when `compact`).
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
export class CapacityMeterElement extends BackendElement {
  static override styles = [theme, capacityMeterHostStyles];

  static override properties: PropertyDeclarations = {
    compact: { converter: booleanAttribute, reflect: true },
  };

  /**
   * One short line for a navigation bar ("Capacity ▮▮▯ 134 of 500 · Gold") instead of a full-width bar. The
   * attribute's text `false` means not compact.
   */
  declare compact: boolean;

  constructor() {
    super();
    this.compact = false;
  }

  readonly #backend = new BackendController(this, { readsCapacity: true });
  // What it shows is a chunk of its own: a page with only the registration card never downloads it.
  readonly #body = new LazyBody<CapacityMeterBody>(this, () =>
    import('./capacity-meter-body.js').then(({ CapacityMeterBody }) => new CapacityMeterBody(this, this.#backend)),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    // Not on a server that renders the page and calls this (the body is for the browser).
    if (!isServer) void this.#body.load();
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return this.#body.updateComplete(() => super.getUpdateComplete());
  }

  protected override render(): TemplateResult {
    const body = this.#body;
    const l = this.localizer;
    if (body.body) return body.body.render(l);
    // What the body says while it reads the capacity, already while the body loads (and on a server).
    if (!body.failed) return renderMeterLoading(l, this.compact);
    return html`
      <div class="load-failed" role="alert" lang=${l.mark?.lang ?? nothing} dir=${l.mark?.dir ?? nothing}>
        ${l.t(this.compact ? 'meter.unavailable' : 'meter.codeFailed')}
        <button
          class="button"
          type="button"
          aria-label=${l.t('meter.retryCode')}
          aria-disabled=${body.loading ? 'true' : 'false'}
          @click=${() => void body.load()}
        >
          ${l.t('common.retry')}
        </button>
      </div>
    `;
  }
}
