import { z } from 'zod';
import { isValidDate } from '../../calendar/index.js';
import { FEEDBACK_CYCLES, SOURCE_TYPES, URGENCIES } from '../labels.js';

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const version = z.number().int().min(1);
export const date = z.string().refine(isValidDate, '应为有效日期，格式 YYYY-MM-DD');
export const reason = z.string().trim().min(1).max(2000);
export const cycle = z.enum(
  Object.keys(FEEDBACK_CYCLES) as [keyof typeof FEEDBACK_CYCLES, ...(keyof typeof FEEDBACK_CYCLES)[]],
);
export const sourceType = z.enum(
  Object.keys(SOURCE_TYPES) as [keyof typeof SOURCE_TYPES, ...(keyof typeof SOURCE_TYPES)[]],
);
export const urgency = z.enum(
  Object.keys(URGENCIES) as [keyof typeof URGENCIES, ...(keyof typeof URGENCIES)[]],
);
export const light = z.enum([
  'green',
  'yellow',
  'red',
  'closed_on_time',
  'closed_late',
  'suspended',
  'not_started',
]);

/** The item list's filters, shared by the list and its .xlsx export. */
export const itemFilterQuery = z.object({
  q: z.string().trim().max(100).optional(),
  sourceType: sourceType.optional(),
  departmentId: z.coerce.number().int().positive().optional(),
  status: z.enum(['draft', 'pending_approval', 'approved', 'assigned', 'closed', 'suspended']).optional(),
  leaderId: z.coerce.number().int().positive().optional(),
  light: light.optional(),
  createdFrom: z.string().optional(),
  createdTo: z.string().optional(),
});

export const itemInput = z.object({
  title: z.string().trim().min(1).max(200),
  requirements: z.string().trim().min(1).max(20000),
  sourceType,
  sourceRef: z.record(z.string(), z.union([z.string().max(2000), z.number()])),
  urgency,
  difficult: z.boolean().optional(),
  responsibleLeaderId: z.number().int().positive().nullable(),
  watcherIds: z.array(z.number().int().positive()).max(50).optional(),
  parentId: z.number().int().positive().nullable().optional(),
  deadline: date.nullable().optional(),
  workingDays: z.number().int().min(1).max(365).nullable().optional(),
  feedbackCycle: cycle,
  standing: z.boolean().optional(),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
});

export const assignmentInput = z.object({
  departmentId: z.number().int().positive(),
  role: z.enum(['lead', 'assist']),
  deadline: date.nullable().optional(),
  workingDays: z.number().int().min(1).max(365).nullable().optional(),
  feedbackCycle: cycle.optional(),
});

const summary = z.object({
  id: z.number(),
  number: z.string(),
  title: z.string(),
  sourceType: z.string(),
  urgency: z.string(),
  status: z.string(),
  standing: z.boolean(),
  parentId: z.number().nullable(),
  responsibleLeader: z.object({ id: z.number(), name: z.string() }).nullable(),
  deadline: z.string().nullable(),
  light,
  departments: z.array(z.object({ departmentId: z.number(), role: z.string(), status: z.string() })),
  createdAt: z.string(),
  version: z.number(),
});
export const itemSummaryView = summary;

const feedbackView = z.object({
  id: z.number(),
  period: z.string(),
  dueDate: z.string(),
  content: z.string(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  onTime: z.boolean(),
  status: z.string(),
  returnReason: z.string().nullable(),
  version: z.number(),
});

/** The answer to a feedback submission: the feedback as the item page lists it. */
export const submittedFeedbackView = z.object({ assignmentId: z.number(), feedback: feedbackView });

export const itemDetailView = summary.extend({
  requirements: z.string(),
  sourceRef: z.record(z.string(), z.unknown()),
  difficult: z.boolean(),
  feedbackCycle: z.string(),
  tags: z.array(z.string()),
  returnReason: z.string().nullable(),
  watchers: z.array(z.object({ id: z.number(), name: z.string() })),
  assignments: z.array(
    z.object({
      id: z.number(),
      departmentId: z.number(),
      departmentName: z.string(),
      role: z.string(),
      status: z.string(),
      accountable: z.object({ id: z.number(), name: z.string() }).nullable(),
      deadline: z.string().nullable(),
      feedbackCycle: z.string(),
      light,
      nextFeedbackDue: z.string().nullable(),
      completionEvidence: z.string().nullable(),
      returnReason: z.string().nullable(),
      closedOnTime: z.boolean().nullable(),
      version: z.number(),
      mine: z.boolean(),
      feedbacks: z.array(feedbackView),
      extensions: z.array(
        z.object({
          id: z.number(),
          oldDeadline: z.string(),
          newDeadline: z.string(),
          reason: z.string(),
          status: z.string(),
          requestedAt: z.string(),
          decisionNote: z.string().nullable(),
        }),
      ),
    }),
  ),
  children: z.array(summary),
  timeline: z.array(
    z.object({
      at: z.string(),
      actor: z.string().nullable(),
      kind: z.string(),
      summary: z.string(),
      assignmentId: z.number().nullable(),
    }),
  ),
});
