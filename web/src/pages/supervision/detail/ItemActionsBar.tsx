import { Button, Flex } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client.js';
import type { ItemDetail } from '../types.js';
import type { ItemActions } from './permissions.js';
import type { Prompt } from './PromptModal.js';
import type { RunAction } from './useItemAction.js';

interface Props {
  item: ItemDetail;
  can: ItemActions;
  run: RunAction;
  busy: string | null;
  ask: (prompt: Prompt) => void;
  onAssign: () => void;
}

/** The item's own steps: 提交审批, 审批, 交办, 中止, 重新启动 and 任务分解. */
export function ItemActionsBar({ item, can, run, busy, ask, onAssign }: Props) {
  const navigate = useNavigate();
  const at = `/api/items/${item.id}`;
  const version = item.version;
  const post = (path: string, body: unknown) => api<ItemDetail>(`${at}${path}`, { method: 'POST', body });

  const buttons = [
    can.submit && (
      <Button
        key="submit"
        type="primary"
        loading={busy === 'submit'}
        onClick={() => void run('submit', '已提交审批', () => post('/submit', { version }))}
      >
        提交审批
      </Button>
    ),
    can.approve && (
      <Button
        key="approve"
        type="primary"
        loading={busy === 'approve'}
        onClick={() => void run('approve', '已审批同意', () => post('/approve', { version }))}
      >
        审批同意
      </Button>
    ),
    can.approve && (
      <Button
        key="return"
        danger
        onClick={() =>
          ask({
            title: '审批退回',
            okText: '退回',
            danger: true,
            fields: [{ name: 'reason', label: '退回原因', kind: 'text', required: true }],
            submit: (v) => run('return', '已退回', () => post('/return', { version, reason: v.reason })),
          })
        }
      >
        退回
      </Button>
    ),
    can.assign && (
      <Button key="assign" type="primary" onClick={onAssign}>
        交办
      </Button>
    ),
    can.reopen && (
      <Button
        key="reopen"
        type="primary"
        onClick={() =>
          ask({
            title: '根据新批示重新启动',
            okText: '重新启动',
            hint: '各承办部门重新办理；不填新的办理时限则沿用原时限，原时限已过的须填写新时限。',
            fields: [
              { name: 'instruction', label: '新的批示或要求', kind: 'text', required: true },
              { name: 'deadline', label: '新的办理时限', kind: 'date' },
            ],
            submit: (v) =>
              run('reopen', '已重新启动', () =>
                post('/reopen', { version, instruction: v.instruction, deadline: v.deadline }),
              ),
          })
        }
      >
        重新启动
      </Button>
    ),
    can.decompose && (
      <Button key="decompose" onClick={() => void navigate(`/supervision/items/new?parentId=${item.id}`)}>
        任务分解
      </Button>
    ),
    can.suspend && (
      <Button
        key="suspend"
        danger
        onClick={() =>
          ask({
            title: '中止事项',
            okText: '中止',
            danger: true,
            hint: '中止后各承办部门停止办理，可根据新批示重新启动。',
            fields: [{ name: 'reason', label: '中止原因', kind: 'text', required: true }],
            submit: (v) => run('suspend', '已中止', () => post('/suspend', { version, reason: v.reason })),
          })
        }
      >
        中止
      </Button>
    ),
  ].filter(Boolean);

  if (buttons.length === 0) return null;
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="item-actions">
      {buttons}
    </Flex>
  );
}
