import { html, nothing, svg, type TemplateResult } from 'lit';
import { displayDomain } from '../../core/display-domain.js';
import { websiteProblemText } from '../../core/domain.js';
import type { CapacityError } from '../../core/errors.js';
import type { Registration, RenewRefusal } from '../../core/types.js';
import { errorText } from '../../i18n/error-text.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { CardView, Expiry, RegisterBlock } from './card-view.js';

/** What the card's templates call back: its actions, and the words and formats of its language. */
export interface CardActions {
  localizer: Localizer;
  register: () => void;
  renew: () => void;
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
  const l = actions.localizer;
  switch (view.state) {
    case 'problem':
      return html`
        <p class="state problem">${icons.error} ${l.t('card.notAvailable')}</p>
        <p>${l.say(view.message)}</p>
      `;
    case 'loading':
      return html`
        <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span><span></span></div>
        <p class="visually-hidden">${l.t('card.loading')}</p>
      `;
    case 'load-error':
      return renderLoadError(view.error, actions);
    case 'registered':
      return renderRegistered(view, actions);
    case 'other-contact':
      return renderOtherContact(view.domain, view.holder, l);
    case 'other-partner':
      return html`
        <p class="state other-partner" tabindex="-1">${icons.warning} ${l.t('card.otherPartner')}</p>
        <p>${l.parts('card.otherPartnerExplanation', { domain: domainText(view.domain) })}</p>
      `;
    case 'not-registered':
      return renderNotRegistered(view, actions);
  }
}

// Isolated (<bdi>): a domain, a name or a company may be written right to left, or hold a stray bidi
// control, and must not reorder the sentence around it. A domain in the letters its owner writes it in.
const domainText = (domain: string): TemplateResult => html`<bdi class="domain">${displayDomain(domain)}</bdi>`;

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
    <dd title=${title ?? nothing}>${typeof value === 'string' ? html`<bdi>${value}</bdi>` : value}</dd>
  </div>`;
}

const date = (iso: string, l: Localizer): TemplateResult => html`<time datetime=${iso}>${l.date(iso)}</time>`;

function renderLoadError(error: CapacityError, actions: CardActions): TemplateResult {
  const l = actions.localizer;
  return html`
    <p class="state problem" tabindex="-1">${icons.error} ${l.t('card.notLoaded')}</p>
    <p class="alert" role="alert">
      ${icons.error}<span>${l.t('card.loadError', { message: errorText(l, error) })}</span>
    </p>
    <div class="actions">
      <button class="button" type="button" @click=${actions.retryLoad}>${l.t('common.retry')}</button>
    </div>
  `;
}

/** Why renewing `domain` was refused, in words; the domain isolated (it may be written right to left). */
function refusalParts(
  refusal: Pick<RenewRefusal, 'reason' | 'renewableFrom'>,
  domain: string,
  l: Localizer,
): unknown[] {
  const from = refusal.renewableFrom;
  return l.parts(`renewal.${refusal.reason}`, { domain: domainText(domain), date: from ? l.date(from) : '' });
}

function renderRegistered(view: Extract<CardView, { state: 'registered' }>, actions: CardActions): TemplateResult {
  const l = actions.localizer;
  const { registration, websiteDomain, expiry } = view;
  const moved = websiteDomain !== undefined && websiteDomain !== registration.domain;
  const pending = registration.status === 'pending';
  return html`
    ${
      pending
        ? html`<p class="state pending" tabindex="-1">${icons.info} ${l.t('card.pending')}</p>
            <p>${l.parts('card.pendingSince', { date: date(registration.registeredAt, l) })}</p>`
        : html`<p class="state registered" tabindex="-1">${icons.registered} ${l.t('card.registered')}</p>`
    }
    <dl class="facts">
      ${fact(l.t('card.domain'), domainText(registration.domain), displayDomain(registration.domain))}
      ${fact(l.t('card.registeredOn'), date(registration.registeredAt, l))}
      ${expiry ? fact(l.t('card.expiresOn'), date(expiry.expiresAt, l)) : nothing}
    </dl>
    ${expiry ? renderExpiry(view, expiry, actions) : nothing}
    ${
      moved
        ? html`<p class="note">
            ${icons.info}<span
              >${l.parts('card.websiteMoved', {
                website: domainText(websiteDomain),
                domain: domainText(registration.domain),
              })}</span
            >
          </p>`
        : nothing
    }
  `;
}

function renderExpiry(
  view: Extract<CardView, { state: 'registered' }>,
  expiry: Expiry,
  actions: CardActions,
): TemplateResult {
  const l = actions.localizer;
  const { renewal, daysLeft } = expiry;
  const { domain } = view.registration;
  const refusal = view.renewRefusal ?? (renewal && !renewal.renewable ? renewal : undefined);
  return html`
    ${
      daysLeft === undefined
        ? nothing
        : html`<p class="note">${icons.warning}<span>${l.t('card.expiresIn', { days: daysLeft })}</span></p>`
    }
    ${refusal ? html`<p class="reason">${icons.info}<span>${refusalParts(refusal, domain, l)}</span></p>` : nothing}
    ${
      view.renewError
        ? html`<p class="alert" role="alert">${icons.error}<span>${errorText(l, view.renewError)}</span></p>`
        : nothing
    }
    ${
      renewal?.renewable && !view.renewRefusal
        ? html`<div class="actions">
            <button
              id="renew"
              class="button primary"
              type="button"
              aria-disabled=${view.renewing ? 'true' : 'false'}
              @click=${actions.renew}
            >
              ${
                view.renewing
                  ? html`<span class="spinner" aria-hidden="true"></span>${l.t('card.renewing')}`
                  : l.t(view.renewRetry ? 'common.retry' : 'card.renew')
              }
            </button>
          </div>`
        : nothing
    }
  `;
}

function renderOtherContact(domain: string, holder: Registration, l: Localizer): TemplateResult {
  return html`
    <p class="state other-contact" tabindex="-1">${icons.info} ${l.t('card.otherContact')}</p>
    <p>${l.parts('card.otherContactExplanation', { domain: domainText(domain) })}</p>
    <dl class="facts">
      ${fact(l.t('card.contact'), holder.contactName || holder.contactId)} ${fact(l.t('card.company'), holder.company)}
      ${fact(l.t('card.registeredOn'), date(holder.registeredAt, l))}
    </dl>
  `;
}

function blockText(blocked: RegisterBlock, l: Localizer): string {
  if (blocked.by === 'website')
    return l.t(`website.${blocked.problem}`, undefined, websiteProblemText(blocked.problem));
  const { used, limit } = blocked.capacity;
  return l.t('card.capacityFull', { summary: { id: 'capacity.summary', values: { used, limit } } });
}

function renderNotRegistered(
  view: Extract<CardView, { state: 'not-registered' }>,
  actions: CardActions,
): TemplateResult {
  const l = actions.localizer;
  const { domain, website, about, blocked, registering, error, lapsed } = view;
  const reason = blocked && blockText(blocked, l);
  return html`
    <p class="state not-registered" tabindex="-1">
      ${icons.notRegistered} ${l.t(lapsed ? 'card.expired' : 'card.notRegistered')}
    </p>
    ${
      lapsed
        ? html`<p>
            ${l.parts('card.expiredOn', { domain: domainText(lapsed.domain), date: date(lapsed.expiresAt!, l) })}
          </p>`
        : nothing
    }
    <div class="details">
      ${
        domain
          ? html`<p>${l.parts('card.registerAdds', { domain: domainText(domain) })}</p>`
          : website
            ? html`<p title=${website}>
                ${l.parts('card.website', { website: html`<bdi class="website">${website}</bdi>` })}
              </p>`
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
    ${error ? html`<p class="alert" role="alert">${icons.error}<span>${errorText(l, error)}</span></p>` : nothing}
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
            ? html`<span class="spinner" aria-hidden="true"></span>${l.t('card.registering')}`
            : l.t(view.retry ? 'common.retry' : lapsed ? 'card.registerAgain' : 'card.register')
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
              ${l.t('card.manageCapacity')}
            </button>`
          : nothing
      }
    </div>
  `;
}
