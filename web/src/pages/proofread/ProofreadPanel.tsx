import { CheckCircleOutlined, FileSearchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { useReportError } from '../../api/errors.js';
import { FindingList } from './FindingList.js';
import { applyOne } from './text-utils.js';
import {
  MAX_TEXT_LENGTH,
  SEVERITIES,
  SEVERITY_COLORS,
  SEVERITY_LABELS,
  type CheckResult,
  type Finding,
  type FixResult,
} from './types.js';

export interface ProofreadPanelProps {
  /** The text being edited; the panel never keeps its own copy of it. */
  text: string;
  /** Called with the corrected text after 采纳 or 全部采纳确定修改. */
  onTextChange: (text: string) => void;
  /** Select [start, end) in the editor; without it the 跳转 action is not offered. */
  onLocate?: (start: number, end: number) => void;
}

interface Checked {
  text: string;
  findings: Finding[];
}

/**
 * 公文校对 panel: runs the server's proofreader on the given text and lists the findings. Reusable beside any
 * editor that holds plain text (the 公文校对 page, or a document's drafting form).
 */
export function ProofreadPanel({ text, onTextChange, onLocate }: ProofreadPanelProps) {
  const { message } = App.useApp();
  const report = useReportError();
  const [checked, setChecked] = useState<Checked | null>(null);

  const check = useMutation({
    mutationFn: (body: string) =>
      api<CheckResult>('/api/proofread', { method: 'POST', body: { text: body } }),
    onSuccess: (result, body) => setChecked({ text: body, findings: result.findings }),
    onError: report,
  });
  const fixAll = useMutation({
    mutationFn: (body: string) =>
      api<FixResult>('/api/proofread/fix', { method: 'POST', body: { text: body } }),
    onSuccess: (result) => {
      if (result.applied.length === 0) void message.info('没有可确定修改的问题');
      else void message.success(`已采纳 ${result.applied.length} 处确定修改`);
      onTextChange(result.text);
      check.mutate(result.text);
    },
    onError: report,
  });

  const current = checked !== null && checked.text === text;
  const busy = check.isPending || fixAll.isPending;
  const tooLong = text.length > MAX_TEXT_LENGTH;
  const certain = current ? checked.findings.filter((f) => f.replacement !== undefined).length : 0;

  const run = () => {
    if (!text.trim()) {
      void message.warning('请先输入或上传要校对的文本');
      return;
    }
    check.mutate(text);
  };

  const apply = (finding: Finding) => {
    if (!checked) return;
    const next = applyOne(text, finding, checked.text);
    if (next === null) {
      void message.warning('文本已修改，请重新校对');
      return;
    }
    onTextChange(next);
    // Every later offset has shifted: check the new text rather than patching the old findings.
    check.mutate(next);
  };

  return (
    <Card
      size="small"
      title="校对结果"
      // The title keeps its width; in a narrow editor the buttons beside it wrap instead.
      styles={{ header: { paddingBlock: 8 }, title: { flex: 'none' } }}
      extra={
        <Space wrap>
          <Button
            type="primary"
            icon={<FileSearchOutlined />}
            loading={check.isPending}
            disabled={tooLong}
            onClick={run}
          >
            校对
          </Button>
          <Popconfirm
            title="全部采纳确定修改"
            description="只应用确定无疑的修改（标为“改为”的项）；“建议”和“请确认”项仍需人工处理。"
            okText="采纳"
            cancelText="取消"
            onConfirm={() => fixAll.mutate(text)}
            disabled={!text.trim() || tooLong}
          >
            <Button
              icon={<CheckCircleOutlined />}
              loading={fixAll.isPending}
              disabled={!text.trim() || tooLong || check.isPending}
            >
              全部采纳确定修改{current && certain > 0 ? `（${certain}）` : ''}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <Flex vertical gap={12}>
        {tooLong && (
          <Alert type="error" showIcon title={`文本过长（超过 ${MAX_TEXT_LENGTH} 字），请分段校对`} />
        )}
        {checked === null ? (
          <Alert type="info" showIcon title="输入或上传文本后点击“校对”。文本只在内存中检查，不会保存。" />
        ) : (
          <>
            {!current && !check.isPending && (
              <Alert type="warning" showIcon title="文本已修改，结果可能已不对应，请重新校对" />
            )}
            <Flex gap={8} wrap>
              {SEVERITIES.map((s) => (
                <Tag key={s} color={SEVERITY_COLORS[s]}>
                  {SEVERITY_LABELS[s]} {checked.findings.filter((f) => f.severity === s).length}
                </Tag>
              ))}
            </Flex>
            <FindingList
              text={checked.text}
              findings={checked.findings}
              current={current}
              busy={busy}
              onLocate={onLocate ? (f) => onLocate(f.start, f.end) : undefined}
              onApply={apply}
            />
          </>
        )}
      </Flex>
    </Card>
  );
}
