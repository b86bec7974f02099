import { z } from 'zod';

const mark = z.object({ start: z.number(), length: z.number() });
const tier = z.enum(['free', 'member']);

export const searchPageView = z.object({
  total: z.number(),
  more: z.boolean(),
  approximate: z.boolean(),
  ranked: z.number(),
  page: z.number(),
  pageSize: z.number(),
  results: z.array(
    z.object({
      materialId: z.number(),
      title: z.string(),
      titleMarks: z.array(mark),
      type: z.string(),
      topics: z.array(z.string()),
      tier,
      publishedAt: z.string(),
      locked: z.boolean(),
      snippet: z
        .object({ text: z.string(), marks: z.array(mark), cutBefore: z.boolean(), cutAfter: z.boolean() })
        .nullable(),
    }),
  ),
});

export const similarView = z.object({
  items: z.array(
    z.object({
      materialId: z.number(),
      title: z.string(),
      type: z.string(),
      tier,
      publishedAt: z.string(),
      locked: z.boolean(),
    }),
  ),
});

/** A Beijing calendar day as the instants bounding it: `from` inclusive, the day after `to` exclusive. */
export function dayStart(date: string, plusDays = 0): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString();
}
