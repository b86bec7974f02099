import { z } from 'zod';
import { PERIOD_KINDS, reportPeriod } from './period.js';
import type { CircularRow } from './repository.js';
import { coveringTextOf, type LoadedCircular } from './service.js';
import type { CircularStats } from './stats.js';
import { comparisonSentence, departmentSentence, overallSentence, overdueSentence } from './text.js';

/** API shapes of circulars: the list entry, and the full preview with statistics and generated sentences. */

const counts = {
  assigned: z.number(),
  closedOnTime: z.number(),
  closedLate: z.number(),
  overdue: z.number(),
  inProgress: z.number(),
  onTimeRate: z.number().nullable(),
};
const ratedCounts = z.object(counts);
const period = z.object({
  kind: z.string(),
  start: z.string(),
  end: z.string(),
  label: z.string(),
  cutoff: z.string(),
});

export const statsView = z.object({
  period,
  previousPeriod: period,
  totals: ratedCounts,
  previousTotals: ratedCounts,
  delta: ratedCounts,
  departments: z.array(
    z.object({
      departmentId: z.number(),
      departmentName: z.string(),
      rank: z.number(),
      ...counts,
      previous: ratedCounts.extend({ rank: z.number().nullable() }),
      delta: ratedCounts,
    }),
  ),
  overdue: z.object({
    total: z.number(),
    items: z.array(
      z.object({
        assignmentId: z.number(),
        itemId: z.number(),
        number: z.string(),
        title: z.string(),
        departmentName: z.string(),
        accountable: z.string().nullable(),
        deadline: z.string(),
        daysOverdue: z.number(),
      }),
    ),
  }),
});

export const coveringTextView = z.object({
  title: z.string(),
  organName: z.string(),
  docNumber: z.string().nullable(),
  recipients: z.string(),
  lead: z.array(z.string()),
  closing: z.array(z.string()),
  issuer: z.string(),
  issuedOn: z.string(),
  printedBy: z.string(),
  printedOn: z.string(),
});

export const circularSummaryView = z.object({
  id: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  periodLabel: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'published', 'archived']),
  scopeAll: z.boolean(),
  sourceType: z.string().nullable(),
  publishedAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});

export const circularDetailView = circularSummaryView.extend({
  departmentIds: z.array(z.number()),
  text: coveringTextView,
  /** The sentences the document prints around its tables, generated from the statistics. */
  sentences: z.object({
    overall: z.string(),
    comparison: z.string(),
    departments: z.string(),
    overdue: z.string(),
  }),
  stats: statsView,
  generatedAt: z.string(),
});

type SummaryRow = Pick<
  CircularRow,
  | 'id'
  | 'kind'
  | 'period_start'
  | 'period_end'
  | 'title'
  | 'status'
  | 'scope_all'
  | 'source_type'
  | 'published_at'
  | 'archived_at'
  | 'created_at'
  | 'version'
>;

export function circularSummary(row: SummaryRow): z.infer<typeof circularSummaryView> {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: PERIOD_KINDS[row.kind],
    periodLabel: reportPeriod(row.kind, row.period_start).label,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    title: row.title,
    status: row.status,
    scopeAll: row.scope_all === 1,
    sourceType: row.source_type,
    publishedAt: row.published_at,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    version: row.version,
  };
}

export const statsOf = (row: CircularRow) => JSON.parse(row.stats) as CircularStats;

export function circularDetail({ row, scope }: LoadedCircular): z.infer<typeof circularDetailView> {
  const stats = statsOf(row);
  return {
    ...circularSummary(row),
    departmentIds: scope,
    text: coveringTextOf(row),
    sentences: {
      overall: overallSentence(stats),
      comparison: comparisonSentence(stats),
      departments: departmentSentence(stats),
      overdue: overdueSentence(stats),
    },
    stats,
    generatedAt: row.generated_at,
  };
}
