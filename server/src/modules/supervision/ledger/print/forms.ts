import { BLANK_DATE, formTable, pack, para, signature, spread, title, type FormRow } from './docx-kit.js';

/** What the three printed forms show; print.ts gathers it from the item as its reader may see it. */
export interface ItemFacts {
  number: string;
  title: string;
  source: string;
  urgency: string;
  leader: string;
  requirements: string;
  cycle: string;
  deadline: string;
}

export interface SlipFacts extends ItemFacts {
  lead: string;
  assists: string;
  issuedOn: string;
}

/** 督办单: what is to be done, by whom and by when, with room for the leader's instruction. */
export function supervisionSlip(f: SlipFacts): Promise<Buffer> {
  const rows: FormRow[] = [
    { cells: [{ label: '事项名称' }, { value: f.title, span: 3 }], minHeight: 14 },
    { cells: [{ label: '事项来源' }, { value: f.source, span: 3 }], minHeight: 14 },
    { cells: [{ label: '紧急程度' }, { value: f.urgency }, { label: '反馈周期' }, { value: f.cycle }] },
    { cells: [{ label: '责任领导' }, { value: f.leader }, { label: '办理时限' }, { value: f.deadline }] },
    { cells: [{ label: '主办部门' }, { value: f.lead, span: 3 }] },
    { cells: [{ label: '协办部门' }, { value: f.assists, span: 3 }] },
    { cells: [{ label: '办理要求' }, { value: f.requirements, span: 3 }], minHeight: 45 },
    { cells: [{ label: '领导批示' }, { value: '', span: 3 }], minHeight: 25 },
    { cells: [{ label: '签收人' }, { value: '' }, { label: '签收时间' }, { value: BLANK_DATE }] },
  ];
  return pack(`督办单 ${f.number}`, [
    title('督　办　单'),
    spread(`编号：${f.number}`, `交办日期：${f.issuedOn}`),
    formTable(rows),
    para(
      '请承办部门收到本单后及时签收，按要求抓好落实，按反馈周期报送办理情况；确需延期的，应在办理时限届满前提出申请。',
      { indent: true, before: 160, size: 'xiaosi' },
    ),
    signature({ label: '交办人', blank: 8 }, { label: '督查室负责人', blank: 8 }),
  ]);
}

export interface ChaseFacts extends ItemFacts {
  department: string;
  role: string;
  accountable: string;
  status: string;
  overdue: string;
  lastFeedback: string;
  reason: string;
  replyBy: string;
  today: string;
}

/** 催办通知单: to one department, saying what is late and by when to answer, with a receipt to sign. */
export function chaseNotice(f: ChaseFacts): Promise<Buffer> {
  const rows: FormRow[] = [
    { cells: [{ label: '督办编号' }, { value: f.number }, { label: '紧急程度' }, { value: f.urgency }] },
    { cells: [{ label: '事项名称' }, { value: f.title, span: 3 }], minHeight: 14 },
    { cells: [{ label: '承办部门' }, { value: f.department }, { label: '承办角色' }, { value: f.role }] },
    { cells: [{ label: '责任人' }, { value: f.accountable }, { label: '办理状态' }, { value: f.status }] },
    { cells: [{ label: '办理时限' }, { value: f.deadline }, { label: '逾期情况' }, { value: f.overdue }] },
    { cells: [{ label: '最近反馈' }, { value: f.lastFeedback, span: 3 }] },
    { cells: [{ label: '办理要求' }, { value: f.requirements, span: 3 }], minHeight: 30 },
    {
      cells: [{ label: '催办事由' }, { value: `${f.reason}请高度重视，抓紧办理。`, span: 3 }],
      minHeight: 14,
    },
    {
      cells: [
        { label: '回复要求' },
        { value: `请于${f.replyBy}前将办理进展、存在问题及下步措施书面报送督查室。`, span: 3 },
      ],
      minHeight: 14,
    },
    { cells: [{ label: '签收人' }, { value: '' }, { label: '签收时间' }, { value: BLANK_DATE }] },
  ];
  return pack(`催办通知单 ${f.number}`, [
    title('催办通知单'),
    spread(`致：${f.department}`, `催办日期：${f.today}`),
    formTable(rows),
    para('督查室（盖章）', { align: 'right', before: 600 }),
    para(f.today, { align: 'right' }),
  ]);
}

export interface FeedbackFacts extends ItemFacts {
  department: string;
  role: string;
  period: string;
  dueDate: string;
  content: string | null;
  submittedBy: string;
  submittedOn: string;
  submitted: string;
}

/** 反馈单 for one period: the feedback as submitted, or ruled lines to write it by hand. */
export function feedbackForm(f: FeedbackFacts): Promise<Buffer> {
  const written = f.content !== null;
  const rows: FormRow[] = [
    { cells: [{ label: '督办编号' }, { value: f.number }, { label: '反馈期次' }, { value: f.period }] },
    { cells: [{ label: '事项名称' }, { value: f.title, span: 3 }], minHeight: 14 },
    { cells: [{ label: '承办部门' }, { value: f.department }, { label: '承办角色' }, { value: f.role }] },
    { cells: [{ label: '应报日期' }, { value: f.dueDate }, { label: '办理时限' }, { value: f.deadline }] },
    { cells: [{ label: '办理要求' }, { value: f.requirements, span: 3 }], minHeight: 20 },
    {
      cells: [{ label: '办理情况' }, written ? { value: f.content ?? '', span: 3 } : { lines: 6, span: 3 }],
      minHeight: 52,
    },
    {
      cells: [{ label: '存在问题\n下步打算' }, written ? { value: '', span: 3 } : { lines: 3, span: 3 }],
      minHeight: 24,
    },
    { cells: [{ label: '承办人' }, { value: f.submittedBy }, { label: '部门负责人' }, { value: '' }] },
    { cells: [{ label: '系统报送' }, { value: f.submitted, span: 3 }] },
    { cells: [{ label: '督查室意见' }, { value: '', span: 3 }], minHeight: 16 },
  ];
  return pack(`反馈单 ${f.number} ${f.period}`, [
    title('督办事项办理情况反馈单'),
    spread(`承办部门（盖章）：${f.department}`, `填报日期：${f.submittedOn || BLANK_DATE}`),
    formTable(rows),
  ]);
}
