import { api } from '../../../api/client.js';
import type { Colleague } from '../../../api/types.js';
import type { Assignment, Extension, Feedback, ItemDetail, SubmittedFeedback } from '../types.js';
import type { Prompt } from './PromptModal.js';
import type { RunAction } from './useItemAction.js';

interface Deps {
  itemId: number;
  a: Assignment;
  run: RunAction;
  /** An Idempotency-Key for a creating request with this body. */
  keyFor: (body: unknown) => string;
  done: () => void;
  ask: (prompt: Prompt) => void;
}

const post = <T>(path: string, body: unknown, headers?: Record<string, string>) =>
  api<T>(path, { method: 'POST', body, headers });

/** Every step on one assignment: direct ones run at once, the others ask for their input first. */
export function assignmentSteps({ itemId, a, run, keyFor, done, ask }: Deps) {
  const at = `/api/assignments/${a.id}`;
  const version = a.version;
  const create = async <T>(path: string, body: unknown) => {
    const result = await post<T>(path, body, { 'Idempotency-Key': keyFor({ path, body }) });
    done();
    return result;
  };
  return {
    acknowledge: () => void run(`ack-${a.id}`, '已签收', () => post(`${at}/acknowledge`, { version })),
    approveCompletion: () =>
      void run(`complete-${a.id}`, '办结审核通过', () => post(`${at}/completion/approve`, { version })),
    leaderRead: () =>
      void run(`read-${a.id}`, '已报原批办领导阅', () => post(`${at}/leader-read`, { version })),
    signOff: () => void run(`signoff-${a.id}`, '已销号', () => post(`${at}/sign-off`, { version })),
    approveFeedback: (f: Feedback) =>
      void run(`review-${f.id}`, '反馈审核通过', () =>
        post(`/api/feedbacks/${f.id}/review`, { version: f.version, decision: 'approve' }),
      ),
    approveExtension: (e: Extension) =>
      void run(`extension-${e.id}`, '已同意延期', () =>
        post(`/api/extensions/${e.id}/decision`, { approve: true, note: null }),
      ),

    feedback: () =>
      ask({
        title: `报送反馈：${a.departmentName}`,
        okText: '报送',
        hint: a.nextFeedbackDue ? `本期反馈应于 ${a.nextFeedbackDue} 前报送` : undefined,
        fields: [
          {
            name: 'content',
            label: '反馈内容',
            kind: 'text',
            required: true,
            placeholder: '工作进展、存在问题、下一步打算',
          },
        ],
        attach: { itemId, assignmentId: a.id, kind: 'feedback_material', label: '反馈材料' },
        submit: (v) =>
          run(`feedback-${a.id}`, '反馈已报送', () =>
            create<SubmittedFeedback>(`${at}/feedbacks`, { content: v.content }),
          ),
      }),
    returnFeedback: (f: Feedback) =>
      ask({
        title: `退回反馈（${f.period === 'once' ? '一次性' : f.period}）`,
        okText: '退回',
        danger: true,
        fields: [{ name: 'reason', label: '退回原因', kind: 'text', required: true }],
        submit: (v) =>
          run(`review-${f.id}`, '反馈已退回', () =>
            post(`/api/feedbacks/${f.id}/review`, {
              version: f.version,
              decision: 'return',
              reason: v.reason,
            }),
          ),
      }),
    extension: () =>
      ask({
        title: '申请延期',
        okText: '提交申请',
        hint: `现办理时限：${a.deadline ?? '无'}。延期须在时限之前申请，由督查室审批。`,
        fields: [
          { name: 'newDeadline', label: '新的办理时限', kind: 'date', required: true, after: a.deadline },
          { name: 'reason', label: '延期理由', kind: 'text', required: true },
        ],
        submit: (v) =>
          run(`extend-${a.id}`, '延期申请已提交', () =>
            create<ItemDetail>(`${at}/extensions`, { newDeadline: v.newDeadline, reason: v.reason }),
          ),
      }),
    refuseExtension: (e: Extension) =>
      ask({
        title: '不同意延期',
        okText: '不同意',
        danger: true,
        fields: [{ name: 'note', label: '审批意见', kind: 'text' }],
        submit: (v) =>
          run(`extension-${e.id}`, '已不同意延期', () =>
            post(`/api/extensions/${e.id}/decision`, { approve: false, note: v.note }),
          ),
      }),
    completion: () =>
      ask({
        title: '申请办结',
        okText: '申请办结',
        attach: { itemId, assignmentId: a.id, kind: 'completion_evidence', label: '佐证材料' },
        fields: [
          {
            name: 'evidence',
            label: '办结依据',
            kind: 'text',
            required: true,
            placeholder: '办理结果、佐证材料名称与文号等',
          },
        ],
        submit: (v) =>
          run(`completion-${a.id}`, '已申请办结', () =>
            post(`${at}/completion`, { version, evidence: v.evidence }),
          ),
      }),
    returnCompletion: () =>
      ask({
        title: '退回办结申请',
        okText: '退回',
        danger: true,
        fields: [{ name: 'reason', label: '退回原因', kind: 'text', required: true }],
        submit: (v) =>
          run(`complete-${a.id}`, '已退回办结申请', () =>
            post(`${at}/completion/return`, { version, reason: v.reason }),
          ),
      }),
    transfer: (members: Colleague[]) =>
      ask({
        title: '转交首问责任人',
        okText: '转交',
        fields: [
          {
            name: 'toUserId',
            label: '转交给',
            kind: 'select',
            required: true,
            options: members
              .filter((m) => m.id !== a.accountable?.id)
              .map((m) => ({ value: m.id, label: m.name })),
          },
          { name: 'reason', label: '转交原因', kind: 'text', required: true },
        ],
        submit: (v) =>
          run(`transfer-${a.id}`, '已转交', () =>
            post(`${at}/transfer`, { version, toUserId: v.toUserId, reason: v.reason }),
          ),
      }),
  };
}
