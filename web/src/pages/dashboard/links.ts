import { filterToParams, parseFilter, type ItemFilter } from '../supervision/list/filter.js';

/** The item list's address with these filters, written by the list's own filter module. */
export function itemListLink(patch: Partial<ItemFilter>): string {
  const params = filterToParams({ ...parseFilter(new URLSearchParams()), ...patch });
  return `/supervision/items?${params.toString()}`;
}
