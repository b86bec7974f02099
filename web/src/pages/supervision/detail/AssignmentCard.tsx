import { Alert, Button, Card, Descriptions, Divider, Flex, Popconfirm, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useCurrentUser } from '../../../layout/current-user.js';
import { LightTag } from '../LightTag.js';
import { ASSIGNMENT_STATUSES, FEEDBACK_CYCLES, labelOf } from '../labels.js';
import { useMembers } from '../queries.js';
import type { Assignment, ItemDetail } from '../types.js';
import { assignmentSteps } from './assignment-steps.js';
import { ExtensionList } from './ExtensionList.js';
import { FeedbackList } from './FeedbackList.js';
import { assignmentActionsFor, mayDecideExtension, mayReviewFeedback } from './permissions.js';
import type { Prompt } from './PromptModal.js';
import type { RunAction } from './useItemAction.js';

interface Props {
  item: ItemDetail;
  a: Assignment;
  run: RunAction;
  busy: string | null;
  ask: (prompt: Prompt) => void;
  keyFor: (body: unknown) => string;
  done: () => void;
}

/** One department's part of the item, with only the steps this user may take in its current state. */
export function AssignmentCard({ item, a, run, busy, ask, keyFor, done }: Props) {
  const user = useCurrentUser();
  const can = assignmentActionsFor(user, item, a);
  const members = useMembers(can.transfer ? a.departmentId : null);
  const steps = assignmentSteps({ itemId: item.id, a, run, keyFor, done, ask });

  const details: DescriptionsProps['items'] = [
    { key: 'accountable', label: '首问责任人', children: a.accountable?.name ?? '待签收' },
    { key: 'deadline', label: '办理时限', children: item.standing ? '长期坚持' : (a.deadline ?? '—') },
    { key: 'cycle', label: '反馈周期', children: labelOf(FEEDBACK_CYCLES, a.feedbackCycle) },
    { key: 'due', label: '下次反馈', children: a.nextFeedbackDue ?? '—' },
  ];
  if (a.completionEvidence)
    details.push({
      key: 'evidence',
      label: '办结依据',
      span: 'filled',
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.completionEvidence}</span>,
    });

  const buttons = [
    can.acknowledge && (
      <Button key="ack" type="primary" loading={busy === `ack-${a.id}`} onClick={steps.acknowledge}>
        签收
      </Button>
    ),
    can.feedback && (
      <Button key="feedback" type="primary" onClick={steps.feedback}>
        报送反馈
      </Button>
    ),
    can.completion && (
      <Button key="completion" onClick={steps.completion}>
        申请办结
      </Button>
    ),
    can.extension && (
      <Button key="extension" onClick={steps.extension}>
        申请延期
      </Button>
    ),
    can.approveCompletion && (
      <Button
        key="approve"
        type="primary"
        loading={busy === `complete-${a.id}`}
        onClick={steps.approveCompletion}
      >
        审核办结通过
      </Button>
    ),
    can.approveCompletion && (
      <Button key="return" danger onClick={steps.returnCompletion}>
        退回办结申请
      </Button>
    ),
    can.leaderRead && (
      <Button key="read" type="primary" loading={busy === `read-${a.id}`} onClick={steps.leaderRead}>
        报原批办领导阅
      </Button>
    ),
    can.signOff && (
      <Popconfirm
        key="signoff"
        title="销号"
        description="销号后该承办任务办结，确定销号？"
        okText="销号"
        cancelText="取消"
        onConfirm={steps.signOff}
      >
        <Button type="primary" loading={busy === `signoff-${a.id}`}>
          销号
        </Button>
      </Popconfirm>
    ),
    can.transfer && (
      <Button
        key="transfer"
        onClick={() => steps.transfer(members.data?.items ?? [])}
        disabled={!members.data}
      >
        转交
      </Button>
    ),
  ].filter(Boolean);

  return (
    <Card
      size="small"
      data-testid={`assignment-card-${a.id}`}
      style={{ marginBottom: 16 }}
      title={
        <Flex wrap gap={6} align="center" style={{ padding: '6px 0' }}>
          <span>{a.departmentName}</span>
          <Tag color={a.role === 'lead' ? 'red' : 'default'}>{a.role === 'lead' ? '主办' : '协办'}</Tag>
          <Tag color="blue" data-testid="assignment-status">
            {labelOf(ASSIGNMENT_STATUSES, a.status)}
          </Tag>
          <LightTag light={a.light} />
        </Flex>
      }
    >
      {a.returnReason && a.status === 'acknowledged' && (
        <Alert
          type="warning"
          showIcon
          title={`办结申请被退回：${a.returnReason}`}
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={details} />
      {buttons.length > 0 && (
        <Flex wrap gap={8} style={{ marginTop: 4 }} data-testid="assignment-actions">
          {buttons}
        </Flex>
      )}
      <Divider titlePlacement="start" plain style={{ margin: '12px 0 8px' }}>
        反馈
      </Divider>
      <FeedbackList
        feedbacks={a.feedbacks}
        mayReview={(f) => mayReviewFeedback(user, a, f)}
        onApprove={steps.approveFeedback}
        onReturn={steps.returnFeedback}
        busy={busy}
      />
      {a.extensions.length > 0 && (
        <>
          <Divider titlePlacement="start" plain style={{ margin: '12px 0 8px' }}>
            延期申请
          </Divider>
          <ExtensionList
            extensions={a.extensions}
            mayDecide={(e) => mayDecideExtension(user, e)}
            onApprove={steps.approveExtension}
            onRefuse={steps.refuseExtension}
            busy={busy}
          />
        </>
      )}
    </Card>
  );
}
