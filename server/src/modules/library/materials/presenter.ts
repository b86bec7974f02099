import { z } from 'zod';
import { LIBRARY_TIERS, MATERIAL_STATUSES, MATERIAL_TYPES } from '../../../../../shared/src/library.js';
import type { MaterialRow, MaterialSummaryRow } from './repository.js';
import { fromStored } from './text.js';

const tier = z.enum(Object.keys(LIBRARY_TIERS) as [keyof typeof LIBRARY_TIERS]);
const status = z.enum(Object.keys(MATERIAL_STATUSES) as [keyof typeof MATERIAL_STATUSES]);

/** What an editor sends for a new material or a new version of one. */
export const materialInput = z.object({
  title: z.string().trim().min(1, '标题不能为空').max(200),
  type: z.enum(MATERIAL_TYPES, { error: '文种：请从列表中选择' }),
  topics: z.array(z.string().trim().min(1).max(20)).max(8).default([]),
  occasion: z.string().trim().max(100).nullable().default(null),
  tier,
  body: z.string().max(200_000, '正文不能超过 20 万字'),
  headings: z.array(z.number().int().min(0)).max(2000).default([]),
  note: z.string().trim().max(2000).default(''),
  keyPoints: z.array(z.string().trim().min(1).max(500)).max(20).default([]),
});

export const teaserView = z.object({
  id: z.number(),
  title: z.string(),
  type: z.string(),
  topics: z.array(z.string()),
  occasion: z.string().nullable(),
  tier,
  note: z.string(),
  publishedAt: z.string(),
  locked: z.boolean(),
});

/** A reader gets either the teaser (locked) or, with access, the text as well. */
export const readerView = teaserView.extend({
  paragraphs: z.array(z.string()).optional(),
  headings: z.array(z.number()).optional(),
  keyPoints: z.array(z.string()).optional(),
  revision: z.number().optional(),
  updatedAt: z.string().optional(),
});

export const editorSummaryView = z.object({
  id: z.number(),
  status,
  title: z.string(),
  type: z.string(),
  topics: z.array(z.string()),
  tier,
  revision: z.number(),
  version: z.number(),
  scheduledAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});

const textView = z.object({
  title: z.string(),
  type: z.string(),
  topics: z.array(z.string()),
  occasion: z.string().nullable(),
  tier,
  body: z.string(),
  headings: z.array(z.number()),
  note: z.string(),
  keyPoints: z.array(z.string()),
});

export const versionView = textView.extend({
  revision: z.number(),
  editedAt: z.string(),
  editorName: z.string(),
});

export const editorDetailView = editorSummaryView.extend({
  ...textView.shape,
  withdrawnAt: z.string().nullable(),
  createdAt: z.string(),
  versions: z.array(
    z.object({ revision: z.number(), title: z.string(), editedAt: z.string(), editorName: z.string() }),
  ),
});

export const importView = z.object({
  title: z.string().nullable(),
  body: z.string(),
  headings: z.array(z.number()),
});

export const editorSummary = (row: MaterialSummaryRow) => ({
  id: row.id,
  status: row.status,
  title: row.title,
  type: row.type,
  topics: JSON.parse(row.topics) as string[],
  tier: row.tier,
  revision: row.revision,
  version: row.version,
  scheduledAt: row.scheduled_at,
  publishedAt: row.published_at,
  updatedAt: row.updated_at,
});

export function textOfRow(row: Parameters<typeof fromStored>[0]) {
  const { paragraphs: _paragraphs, ...text } = fromStored(row);
  return text;
}

export const editorDetail = (
  row: MaterialRow,
  versions: { revision: number; title: string; edited_at: string; editor_name: string }[],
) => ({
  ...editorSummary(row),
  ...textOfRow(row),
  withdrawnAt: row.withdrawn_at,
  createdAt: row.created_at,
  versions: versions.map((v) => ({
    revision: v.revision,
    title: v.title,
    editedAt: v.edited_at,
    editorName: v.editor_name,
  })),
});
