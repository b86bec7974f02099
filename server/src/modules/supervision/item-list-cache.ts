import { LRUCache } from 'lru-cache';
import type { Db } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context.js';
import { beijingDate } from '../calendar/index.js';
import { itemListStamp } from './items-repository.js';
import { itemList, lighting, listScope, type ItemListFilter } from './views.js';

/** A page as sent, and the stamp of what it was built from (itemListStamp and the day). */
interface KeptPage {
  stamp: string;
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
 * list's version (raised by 0023's triggers on every write to the items and assignments it shows, and
 * on a rename, in any process), the calendar's version, the settings' version or the day moves: many
 * people read the same department's list between two changes, and building it costs several times
 * sending it. The check is one statement; kept as bytes, the page is not encoded again.
 */
export async function itemListJson(db: Db, ctx: Ctx, filter: ItemListFilter): Promise<Buffer> {
  const scope = listScope(ctx);
  // Read before the data: a change in between leaves an older stamp on newer data, never the reverse.
  const stamp = `${await itemListStamp(db, filter.departmentId ?? scope ?? 0)}|${beijingDate(ctx.clock.now())}`;
  const pages = pagesOf(db);
  const key = `${scope ?? '*'}|${JSON.stringify(filter)}`;
  const kept = pages.get(key);
  if (kept?.stamp === stamp) return kept.json;
  const json = Buffer.from(JSON.stringify(await itemList(db, await lighting(db, ctx), scope, filter)));
  pages.set(key, { stamp, json });
  return json;
}
