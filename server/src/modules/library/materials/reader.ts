import type { Executor } from '../../../platform/db/schema.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { accessibleIds, canAccess } from '../access/index.js';
import { mayReadLibrary } from './policy.js';
import { findMaterial, listPublished, type PublishedFilter } from './repository.js';
import { fromStored } from './text.js';

/** What the access check and search need to know of a material. */
export interface MaterialRef {
  id: number;
  tier: 'free' | 'member';
  /** Set only while the material is published: a draft or withdrawn material is nobody's to read. */
  publishedAt: string | null;
}

export async function loadMaterialRef(db: Executor, id: number): Promise<MaterialRef | null> {
  const row = await db
    .selectFrom('library_materials')
    .select(['id', 'tier', 'status', 'published_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return { id: row.id, tier: row.tier, publishedAt: row.status === 'published' ? row.published_at : null };
}

/** What anyone signed in may see of a published material: never its body or key points. */
export interface Teaser {
  id: number;
  title: string;
  type: string;
  topics: string[];
  occasion: string | null;
  tier: 'free' | 'member';
  note: string;
  publishedAt: string;
  locked: boolean;
}

export interface FullMaterial extends Teaser {
  locked: false;
  paragraphs: string[];
  headings: number[];
  keyPoints: string[];
  revision: number;
  updatedAt: string;
}

type TeaserSource = {
  id: number;
  title: string;
  type: string;
  topics: string;
  occasion: string | null;
  tier: 'free' | 'member';
  note: string;
  published_at: string | null;
};

const teaserOf = (row: TeaserSource, locked: boolean): Teaser => ({
  id: row.id,
  title: row.title,
  type: row.type,
  topics: JSON.parse(row.topics) as string[],
  occasion: row.occasion,
  tier: row.tier,
  note: row.note,
  publishedAt: row.published_at ?? '',
  locked,
});

/** The latest text of a published material when canAccess allows it, else its teaser (locked). */
export async function readMaterial(db: Executor, ctx: Ctx, id: number): Promise<Teaser | FullMaterial> {
  const actor = mayReadLibrary(ctx.actor);
  const row = await findMaterial(db, id);
  if (!row || row.status !== 'published' || !row.published_at) throw notFound('资料');
  const ref = { id: row.id, tier: row.tier, publishedAt: row.published_at };
  if (!(await canAccess(db, actor.id, ref, ctx.clock.now()))) return teaserOf(row, true);
  const c = fromStored(row);
  return {
    ...teaserOf(row, false),
    locked: false,
    paragraphs: c.paragraphs,
    headings: c.headings,
    keyPoints: c.keyPoints,
    revision: row.revision,
    updatedAt: row.updated_at,
  };
}

/** Latest published materials, each marked locked when the reader may not open it. */
export async function listMaterials(db: Executor, ctx: Ctx, filter: PublishedFilter) {
  const actor = mayReadLibrary(ctx.actor);
  const { total, rows } = await listPublished(db, filter);
  const refs = rows.map((r) => ({ id: r.id, tier: r.tier, publishedAt: r.published_at }));
  const open = await accessibleIds(db, actor.id, refs, ctx.clock.now());
  return { total, items: rows.map((r) => teaserOf(r, !open.has(r.id))) };
}
