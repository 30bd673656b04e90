import { html, nothing, svg, type TemplateResult } from 'lit';
import { websiteProblemText } from '../../core/domain.js';
import type { CapacityError } from '../../core/errors.js';
import type { Registration } from '../../core/types.js';
import { capacitySummary, formatDate } from '../../format.js';
import type { CardView, RegisterBlock } from './card-view.js';

/** What the card's templates call back: its actions, and the element whose locale formats dates and numbers. */
export interface CardActions {
  element: Element;
  register: () => void;
  retryLoad: () => void;
  manageCapacity: () => void;
  /** The manager's chunk is wanted soon (the pointer or focus is on its button). */
  prefetchManager: () => void;
}

const icon = (path: TemplateResult): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">${path}</svg>`;

export const gearIcon = svg`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path fill="currentColor" d="M11.3 1.7l.4 2.1a6.5 6.5 0 0 1 1.6.9l2-.8 1.3 2.2-1.6 1.4a6.6 6.6 0 0 1 0 1.9l1.6 1.3-1.3 2.3-2-.8a6.5 6.5 0 0 1-1.6.9l-.4 2.1H8.7l-.4-2.1a6.5 6.5 0 0 1-1.6-.9l-2 .8-1.3-2.3 1.6-1.3a6.6 6.6 0 0 1 0-1.9L3.4 6.1l1.3-2.2 2 .8a6.5 6.5 0 0 1 1.6-.9l.4-2.1zM10 7.2a2.8 2.8 0 1 0 0 5.6 2.8 2.8 0 0 0 0-5.6z"/></svg>`;
const icons = {
  registered: icon(
    svg`<circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M6.2 10.3l2.6 2.6 5-5.4" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`,
  ),
  notRegistered: icon(
    svg`<circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.8" stroke-dasharray="3 2.3"/>`,
  ),
  info: icon(
    svg`<circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M10 9v5M10 6v.5" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  ),
  warning: icon(
    svg`<path d="M10 2.5 18 17H2z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/><path d="M10 8v4M10 14.5v.5" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  ),
  error: icon(
    svg`<circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M7 7l6 6M13 7l-6 6" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  ),
};

/** The card's body for `view`. */
export function renderCardBody(view: CardView, actions: CardActions): TemplateResult {
  switch (view.state) {
    case 'problem':
      return html`
        <p class="state problem">${icons.error} Not available</p>
        <p>${view.message}</p>
      `;
    case 'loading':
      return html`
        <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span><span></span></div>
        <p class="visually-hidden">Loading the registration…</p>
      `;
    case 'load-error':
      return renderLoadError(view.error, actions);
    case 'registered':
      return renderRegistered(view.registration, view.websiteDomain, actions.element);
    case 'other-contact':
      return renderOtherContact(view.domain, view.holder, actions.element);
    case 'other-partner':
      return html`
        <p class="state other-partner" tabindex="-1">${icons.warning} Registered by another partner</p>
        <p><span class="domain">${view.domain}</span> is registered by another partner and cannot be registered.</p>
      `;
    case 'not-registered':
      return renderNotRegistered(view, actions);
  }
}

function fact(
  term: string,
  value: string | TemplateResult | undefined,
  full?: string,
): TemplateResult | typeof nothing {
  if (value === undefined || value === '') return nothing;
  // A long value is cut to a few lines (see the styles); the tooltip holds all of it.
  const title = full ?? (typeof value === 'string' ? value : undefined);
  return html`<div>
    <dt>${term}</dt>
    <dd title=${title ?? nothing}>${value}</dd>
  </div>`;
}

const date = (iso: string, element: Element): TemplateResult =>
  html`<time datetime=${iso}>${formatDate(iso, element)}</time>`;

function renderLoadError(error: CapacityError, actions: CardActions): TemplateResult {
  return html`
    <p class="state problem" tabindex="-1">${icons.error} Registration not loaded</p>
    <p class="alert" role="alert">${icons.error}<span>The registration could not be loaded. ${error.message}</span></p>
    <div class="actions">
      <button class="button" type="button" @click=${actions.retryLoad}>Retry</button>
    </div>
  `;
}

function renderRegistered(
  registration: Registration,
  websiteDomain: string | undefined,
  element: Element,
): TemplateResult {
  const moved = websiteDomain !== undefined && websiteDomain !== registration.domain;
  return html`
    <p class="state registered" tabindex="-1">${icons.registered} Registered</p>
    <dl class="facts">
      ${fact('Domain', html`<span class="domain">${registration.domain}</span>`, registration.domain)}
      ${fact('Registered', date(registration.registeredAt, element))}
    </dl>
    ${
      moved
        ? html`<p class="note">
            ${icons.info}<span
              >The contact’s website is now <span class="domain">${websiteDomain}</span>. The registered domain stays
              <span class="domain">${registration.domain}</span>: a registration does not follow the website.</span
            >
          </p>`
        : nothing
    }
  `;
}

function renderOtherContact(domain: string, holder: Registration, element: Element): TemplateResult {
  return html`
    <p class="state other-contact" tabindex="-1">${icons.info} Registered through another contact</p>
    <p>
      <span class="domain">${domain}</span> is already in your capacity, registered through another contact. A domain
      counts once, so this contact needs no registration of its own.
    </p>
    <dl class="facts">
      ${fact('Contact', holder.contactName || holder.contactId)} ${fact('Company', holder.company)}
      ${fact('Registered', date(holder.registeredAt, element))}
    </dl>
  `;
}

function blockText(blocked: RegisterBlock, element: Element): string {
  if (blocked.by === 'website') return websiteProblemText(blocked.problem);
  const summary = capacitySummary(blocked.capacity, element);
  return `Your capacity is full (${summary}). Deregister prospects you no longer work with to register this one.`;
}

function renderNotRegistered(
  view: Extract<CardView, { state: 'not-registered' }>,
  actions: CardActions,
): TemplateResult {
  const { domain, website, about, blocked, registering, error } = view;
  const reason = blocked && blockText(blocked, actions.element);
  return html`
    <p class="state not-registered" tabindex="-1">${icons.notRegistered} Not registered</p>
    <div class="details">
      ${
        domain
          ? html`<p>Registering adds <span class="domain">${domain}</span> to your capacity.</p>`
          : website
            ? html`<p title=${website}>Website: <span class="website">${website}</span></p>`
            : nothing
      }
      ${
        about.length > 0
          ? // Each part in a <bdi>: a right-to-left name or a stray bidi control must not reorder the others.
            html`<p class="about" title=${about.join(' · ')}>
              ${about.map((part, index) => html`${index > 0 ? ' · ' : nothing}<bdi>${part}</bdi>`)}
            </p>`
          : nothing
      }
    </div>
    ${reason ? html`<p class="reason" id="reason">${icons.info}<span>${reason}</span></p>` : nothing}
    ${error ? html`<p class="alert" role="alert">${icons.error}<span>${error.message}</span></p>` : nothing}
    <div class="actions">
      <button
        id="register"
        class="button primary"
        type="button"
        aria-disabled=${reason || registering ? 'true' : 'false'}
        aria-describedby=${reason ? 'reason' : nothing}
        @click=${actions.register}
      >
        ${
          registering
            ? html`<span class="spinner" aria-hidden="true"></span>Registering…`
            : view.retry
              ? 'Retry'
              : 'Register'
        }
      </button>
      ${
        blocked?.by === 'capacity'
          ? html`<button
              class="button"
              type="button"
              @pointerenter=${actions.prefetchManager}
              @focus=${actions.prefetchManager}
              @click=${actions.manageCapacity}
            >
              Manage your capacity
            </button>`
          : nothing
      }
    </div>
  `;
}
