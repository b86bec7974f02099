import dayjs from 'dayjs';
import type { Query } from '../../../api/client.js';
import {
  ITEM_STATUSES,
  LIGHT_LABELS,
  SOURCE_TYPES,
  type ItemStatus,
  type Light,
  type SourceType,
} from '../labels.js';

/** The list's filters; they live in the address (?q=…&status=…) so a view can be bookmarked or saved. */
export interface ItemFilter {
  q: string;
  sourceType: SourceType | null;
  status: ItemStatus | null;
  light: Light | null;
  departmentId: number | null;
  leaderId: number | null;
  /** Dates YYYY-MM-DD, both inclusive. */
  createdFrom: string | null;
  createdTo: string | null;
  page: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 20;

const oneOf = <K extends string>(labels: Record<K, string>, value: string | null): K | null =>
  value !== null && Object.hasOwn(labels, value) ? (value as K) : null;

const positive = (value: string | null): number | null => {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : null;
};

const isDate = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid();

export function parseFilter(params: URLSearchParams): ItemFilter {
  return {
    q: params.get('q') ?? '',
    sourceType: oneOf(SOURCE_TYPES, params.get('sourceType')),
    status: oneOf(ITEM_STATUSES, params.get('status')),
    light: oneOf(LIGHT_LABELS, params.get('light')),
    departmentId: positive(params.get('departmentId')),
    leaderId: positive(params.get('leaderId')),
    createdFrom: isDate(params.get('createdFrom')) ? params.get('createdFrom') : null,
    createdTo: isDate(params.get('createdTo')) ? params.get('createdTo') : null,
    page: positive(params.get('page')) ?? 1,
    pageSize: positive(params.get('pageSize')) ?? DEFAULT_PAGE_SIZE,
  };
}

/** The address for a filter; the first page and the default page size are left out. */
export function filterToParams(filter: ItemFilter): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | null) => {
    if (value !== null && value !== '') params.set(key, String(value));
  };
  put('q', filter.q.trim());
  put('sourceType', filter.sourceType);
  put('status', filter.status);
  put('light', filter.light);
  put('departmentId', filter.departmentId);
  put('leaderId', filter.leaderId);
  put('createdFrom', filter.createdFrom);
  put('createdTo', filter.createdTo);
  if (filter.page !== 1) put('page', filter.page);
  if (filter.pageSize !== DEFAULT_PAGE_SIZE) put('pageSize', filter.pageSize);
  return params;
}

/** The filter without paging, as saved in a named view. */
export function viewQuery(filter: ItemFilter): string {
  return filterToParams({ ...filter, page: 1, pageSize: DEFAULT_PAGE_SIZE }).toString();
}

/** The server compares creation instants: a date range becomes [start of first day, start of the day after last). */
export function toApiQuery(filter: ItemFilter): Query {
  return {
    q: filter.q.trim(),
    sourceType: filter.sourceType,
    status: filter.status,
    light: filter.light,
    departmentId: filter.departmentId,
    leaderId: filter.leaderId,
    createdFrom: filter.createdFrom ? dayjs(filter.createdFrom).startOf('day').toISOString() : null,
    createdTo: filter.createdTo ? dayjs(filter.createdTo).add(1, 'day').startOf('day').toISOString() : null,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

export function hasAnyFilter(filter: ItemFilter): boolean {
  return viewQuery(filter) !== '';
}
