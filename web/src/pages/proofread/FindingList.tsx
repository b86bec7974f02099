import { Button, Collapse, Empty, Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { contextOf } from './text-utils.js';
import { SEVERITIES, SEVERITY_COLORS, SEVERITY_LABELS, type Finding, type Severity } from './types.js';

/** Rendering thousands of rows at once makes the page sluggish; the rest shows after fixing the first ones. */
const SHOWN_PER_GROUP = 200;

interface Props {
  text: string;
  findings: readonly Finding[];
  /** When false (text edited since the check), offsets are stale and the actions are disabled. */
  current: boolean;
  busy: boolean;
  onLocate?: (finding: Finding) => void;
  onApply: (finding: Finding) => void;
}

function FindingRow({
  text,
  finding,
  current,
  busy,
  onLocate,
  onApply,
}: Omit<Props, 'findings'> & { finding: Finding }) {
  const { before, span, after } = contextOf(text, finding.start, finding.end);
  return (
    <div style={{ padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
      <Typography.Paragraph style={{ marginBottom: 4, wordBreak: 'break-all' }}>
        <Typography.Text type="secondary">{before}</Typography.Text>
        {span ? (
          <Typography.Text mark strong>
            {span}
          </Typography.Text>
        ) : (
          <Typography.Text type="danger" strong title="此处缺少内容">
            ‸
          </Typography.Text>
        )}
        <Typography.Text type="secondary">{after}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{finding.message}</Typography.Paragraph>
      {finding.replacement !== undefined && (
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          改为：
          <Typography.Text code>
            {finding.replacement === '' ? '（删除）' : finding.replacement}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      {finding.suggestion !== undefined && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          建议：<Typography.Text code>{finding.suggestion}</Typography.Text>（请人工判断后自行修改）
        </Typography.Paragraph>
      )}
      <Flex gap={8} wrap>
        {onLocate && (
          <Button size="small" disabled={!current} onClick={() => onLocate(finding)}>
            跳转
          </Button>
        )}
        {finding.replacement !== undefined && (
          <Button
            size="small"
            type="primary"
            ghost
            disabled={!current || busy}
            onClick={() => onApply(finding)}
          >
            采纳
          </Button>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12, alignSelf: 'center' }}>
          {finding.ruleId}
        </Typography.Text>
      </Flex>
    </div>
  );
}

/** The findings grouped by severity (错误 / 警告 / 请确认), each group with its count. */
export function FindingList(props: Props) {
  const { findings } = props;
  const groups = useMemo(() => {
    const by: Record<Severity, Finding[]> = { error: [], warning: [], confirm: [] };
    for (const f of findings) by[f.severity].push(f);
    for (const list of Object.values(by)) list.sort((a, b) => a.start - b.start || a.end - b.end);
    return by;
  }, [findings]);

  if (findings.length === 0) return <Empty description="未发现问题" image={Empty.PRESENTED_IMAGE_SIMPLE} />;

  const items = SEVERITIES.filter((s) => groups[s].length > 0).map((severity) => {
    const list = groups[severity];
    return {
      key: severity,
      label: (
        <Flex gap={8} align="center">
          <Tag color={SEVERITY_COLORS[severity]} style={{ marginInlineEnd: 0 }}>
            {SEVERITY_LABELS[severity]}
          </Tag>
          <span>{list.length} 处</span>
        </Flex>
      ),
      children: (
        <>
          {list.slice(0, SHOWN_PER_GROUP).map((f, i) => (
            <FindingRow key={`${i}:${f.ruleId}:${f.start}`} {...props} finding={f} />
          ))}
          {list.length > SHOWN_PER_GROUP && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              仅列出前 {SHOWN_PER_GROUP} 处，修改后重新校对可查看其余问题。
            </Typography.Paragraph>
          )}
        </>
      ),
    };
  });
  return <Collapse size="small" items={items} defaultActiveKey={items.map((i) => i.key)} />;
}
