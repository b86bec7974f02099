import { AutoComplete, Button, Card, Col, DatePicker, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditOutcome } from '../../api/types.js';
import { ACTION_LABELS, OUTCOME_LABELS } from './labels.js';

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  outcome?: AuditOutcome;
}

interface Draft {
  range: [Dayjs | null, Dayjs | null] | null;
  actor: string;
  action: string;
  outcome: AuditOutcome | undefined;
}

const EMPTY: Draft = { range: null, actor: '', action: '', outcome: undefined };

function toFilter(draft: Draft): AuditFilter {
  return {
    from: draft.range?.[0]?.toISOString(),
    to: draft.range?.[1]?.toISOString(),
    actor: draft.actor.trim() || undefined,
    action: draft.action.trim() || undefined,
    outcome: draft.outcome,
  };
}

const actionOptions = Object.entries(ACTION_LABELS).map(([value, label]) => ({
  value,
  label: `${label}（${value}）`,
}));

function matchesAction(input: string, option?: { value?: unknown }): boolean {
  const value = typeof option?.value === 'string' ? option.value : '';
  return `${value} ${ACTION_LABELS[value] ?? ''}`.toLowerCase().includes(input.trim().toLowerCase());
}

/** Filters are applied on 查询, so typing does not send a request per key. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = (next: Partial<Draft>) => setDraft((d) => ({ ...d, ...next }));
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12} xl={8}>
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={draft.range}
            onChange={(range) => set({ range })}
            placeholder={['开始时间', '结束时间']}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Input
            placeholder="操作人登录名"
            value={draft.actor}
            onChange={(e) => set({ actor: e.target.value })}
            allowClear
            aria-label="操作人"
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <AutoComplete
            placeholder="操作"
            value={draft.action}
            onChange={(action: string) => set({ action })}
            options={actionOptions}
            showSearch={{ filterOption: matchesAction }}
            allowClear
            style={{ width: '100%' }}
            aria-label="操作"
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select<AuditOutcome>
            placeholder="结果"
            allowClear
            value={draft.outcome}
            onChange={(outcome) => set({ outcome })}
            options={Object.entries(OUTCOME_LABELS).map(([value, o]) => ({
              value: value as AuditOutcome,
              label: o.label,
            }))}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={12} md={6} xl={4} style={{ display: 'flex', gap: 8 }}>
          <Button type="primary" onClick={() => onApply(toFilter(draft))}>
            查询
          </Button>
          <Button
            onClick={() => {
              setDraft(EMPTY);
              onApply({});
            }}
          >
            重置
          </Button>
        </Col>
      </Row>
    </Card>
  );
}
