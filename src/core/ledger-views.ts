import { collatorFor, foldCase, sortsNatively } from './collation.js';
import { orderBy } from './query.js';
import type { Registration, SortKey, SortOrder } from './types.js';

/**
 * The rows of the ledger in `sort` and `order` (as `locale` orders text): from `views`, the orders asked for so far
 * (`domain:asc`, `company:desc:de`, …, and `base`, by domain, which the others are made from), made and kept there
 * when first asked for. The ledger keeps them in order through deregistrations: sorting 100,000 rows per keystroke
 * would freeze a page.
 */
export function sortedView(
  views: Map<string, Registration[]>,
  byDomain: ReadonlyMap<string, Registration>,
  sort: SortKey,
  order: SortOrder,
  locale: string | undefined,
): Registration[] {
  // Dates sort the same in every language.
  const language = sort === 'registeredAt' || sort === 'expiresAt' ? undefined : locale;
  const key = language ? `${sort}:${order}:${language}` : `${sort}:${order}`;
  let view = views.get(key);
  if (!view) {
    let base = views.get('base');
    if (!base) {
      // Domains are unique here, so their text alone gives the domain-then-id order, sorted natively.
      base = [...byDomain.keys()].sort().map((domain) => byDomain.get(domain)!);
      views.set('base', base);
    }
    // Both orders of a column at once: the second costs one more pass. Domains are stored folded
    // (lowercase, punycode: letters, digits, dots and hyphens), so that their order is the base's,
    // both ways, in any language that orders those as code units do.
    const [asc, desc] =
      sort === 'domain' &&
      base.every((row) => foldCase(row.domain) === row.domain) &&
      (!language || sortsNatively(collatorFor(language)!))
        ? [base.slice(), [...base].reverse()]
        : orderBy(base, sort, language);
    const suffix = language ? `:${language}` : '';
    views.set(`${sort}:asc${suffix}`, asc).set(`${sort}:desc${suffix}`, desc);
    view = order === 'asc' ? asc : desc;
  }
  return view;
}
