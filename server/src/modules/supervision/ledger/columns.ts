import { FEEDBACK_CYCLES, SOURCE_TYPES, URGENCIES } from '../labels.js';

/** The 台账 sheet's columns: one list drives the template, its 说明 sheet and the importer, so they never drift. */
export const LEDGER_SHEET = '督办事项';
export const HELP_SHEET = '说明';
export const DEPARTMENT_SHEET = '部门编码';
/** More rows than an office's yearly ledger; keeps one import's transaction and memory bounded. */
export const MAX_IMPORT_ROWS = 2000;

export type ColumnKey =
  | 'title'
  | 'requirements'
  | 'sourceType'
  | 'sourceNote'
  | 'urgency'
  | 'leader'
  | 'lead'
  | 'assists'
  | 'deadline'
  | 'workingDays'
  | 'feedbackCycle'
  | 'standing'
  | 'tags';

export interface LedgerColumn {
  key: ColumnKey;
  header: string;
  width: number;
  required: boolean;
  help: string;
  example: string;
  /** Choices offered as a drop-down in the template and the only values the importer accepts. */
  choices?: readonly string[];
}

export const YES = '是';
export const NO = '否';

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  {
    key: 'title',
    header: '标题',
    width: 36,
    required: true,
    help: '督办事项名称，不超过 200 字',
    example: '关于加强机关作风建设的批示',
  },
  {
    key: 'requirements',
    header: '办理要求',
    width: 48,
    required: true,
    help: '具体办理要求和标准',
    example: '认真研究，制定整改方案，每周报送进展情况。',
  },
  {
    key: 'sourceType',
    header: '来源类型',
    width: 16,
    required: true,
    help: '从下拉列表中选择',
    example: SOURCE_TYPES.instruction,
    choices: Object.values(SOURCE_TYPES),
  },
  {
    key: 'sourceNote',
    header: '来源说明',
    width: 30,
    required: true,
    help: '批示内容、会议名称及届次，或文件文号，不超过 2000 字',
    example: '陈志刚同志批示：请办公室牵头督办落实。',
  },
  {
    key: 'urgency',
    header: '紧急程度',
    width: 10,
    required: true,
    help: '从下拉列表中选择',
    example: URGENCIES.urgent,
    choices: Object.values(URGENCIES),
  },
  {
    key: 'leader',
    header: '责任领导登录名',
    width: 16,
    required: false,
    help: '分管领导在本系统的登录名，可不填',
    example: 'chenzhigang',
  },
  {
    key: 'lead',
    header: '主办部门编码',
    width: 14,
    required: true,
    help: '牵头办理部门的编码，只填一个，见「部门编码」表',
    example: 'jd1',
  },
  {
    key: 'assists',
    header: '协办部门编码',
    width: 20,
    required: false,
    help: '配合办理部门的编码，多个用「、」或「,」分隔，不能与主办部门相同',
    example: 'jd2、jd3',
  },
  {
    key: 'deadline',
    header: '办理时限',
    width: 14,
    required: false,
    help: '截止日期，如 2026-06-30，不得早于今天；与「工作日数」只填一项，都不填则按紧急程度的默认时限',
    example: '2026-06-30',
  },
  {
    key: 'workingDays',
    header: '工作日数',
    width: 10,
    required: false,
    help: '自交办之日起的工作日数（1～365，按法定节假日和调休计算）；与「办理时限」只填一项',
    example: '',
  },
  {
    key: 'feedbackCycle',
    header: '反馈周期',
    width: 10,
    required: true,
    help: '从下拉列表中选择',
    example: FEEDBACK_CYCLES.weekly,
    choices: Object.values(FEEDBACK_CYCLES),
  },
  {
    key: 'standing',
    header: '长期坚持',
    width: 10,
    required: false,
    help: '填「是」表示长期坚持、按周期报告、不设办理时限；不填视为「否」',
    example: NO,
    choices: [YES, NO],
  },
  {
    key: 'tags',
    header: '标签',
    width: 18,
    required: false,
    help: '多个用「、」或「,」分隔，每个不超过 20 字，最多 20 个',
    example: '作风建设、重点工作',
  },
];

/** The Chinese label → code of a vocabulary, for reading the ledger back. */
export function codeOf<K extends string>(labels: Record<K, string>, label: string): K | undefined {
  return (Object.keys(labels) as K[]).find((k) => labels[k] === label);
}

/** Split a multi-value cell on the separators people actually type: 、 ， , ； ; and spaces. */
export const splitList = (text: string): string[] =>
  text
    .split(/[、，,；;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
