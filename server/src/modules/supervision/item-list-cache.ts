import { LRUCache } from 'lru-cache';
import type { Db } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context.js';
import type { WorkingCalendar } from '../calendar/index.js';
import { itemListVersion } from './items-repository.js';
import { itemList, lighting, listScope, type ItemListFilter } from './views.js';

/** A page as sent, and everything that it was built from besides the rows the list's version covers. */
interface KeptPage {
  version: number;
  today: string;
  calendar: WorkingCalendar;
  warnDays: number;
  json: Buffer;
}

/** Pages kept per database (tests open several in one process), bounded by their size in memory. */
const pagesByDatabase = new WeakMap<Db, LRUCache<string, KeptPage>>();
const KEPT_BYTES = 32 * 1024 * 1024;

function pagesOf(db: Db): LRUCache<string, KeptPage> {
  let pages = pagesByDatabase.get(db);
  if (!pages) {
    pages = new LRUCache({ maxSize: KEPT_BYTES, sizeCalculation: (p) => p.json.length + 256 });
    pagesByDatabase.set(db, pages);
  }
  return pages;
}

/**
 * The item list as the JSON the route sends, in UTF-8. A page is built once and sent again until the
 * list's version (raised by 0023's triggers on every write to the items and assignments it shows, and on
 * a rename, in any process), the day, the calendar or the warning days move: many people read the same
 * department's list between two changes, and building it costs several times sending it. Kept as bytes,
 * it is not measured and encoded again for each request.
 */
export async function itemListJson(db: Db, ctx: Ctx, filter: ItemListFilter): Promise<Buffer> {
  const scope = listScope(ctx);
  // Read before the data: a write in between leaves an older version on newer data, never the reverse.
  const version = await itemListVersion(db, filter.departmentId ?? scope ?? 0);
  const l = await lighting(db, ctx);
  const pages = pagesOf(db);
  const key = `${scope ?? '*'}|${JSON.stringify(filter)}`;
  const kept = pages.get(key);
  if (
    kept?.version === version &&
    kept.today === l.today &&
    kept.calendar === l.calendar &&
    kept.warnDays === l.warnDays
  )
    return kept.json;
  const list = await itemList(db, l, scope, filter);
  const json = Buffer.from(JSON.stringify(list));
  pages.set(key, {
    version,
    today: l.today,
    calendar: l.calendar,
    warnDays: l.warnDays,
    json,
  });
  return json;
}
