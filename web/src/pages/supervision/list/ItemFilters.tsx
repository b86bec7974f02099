import { Card, Col, DatePicker, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { DepartmentSelect } from '../../departments/DepartmentSelect.js';
import {
  ITEM_STATUSES,
  LIGHT_LABELS,
  SOURCE_TYPES,
  type ItemStatus,
  type Light,
  type SourceType,
} from '../labels.js';
import type { ItemFilter } from './filter.js';

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

interface Props {
  filter: ItemFilter;
  onChange: (next: Partial<ItemFilter>) => void;
  /** Leaders to filter by; absent when the user cannot list them. */
  leaders?: { value: number; label: string }[];
}

/** Every change goes to the address at once, except the text, which applies on Enter or the search button. */
export function ItemFilters({ filter, onChange, leaders }: Props) {
  // The box follows the address when it changes (a saved view, 清除筛选), and is free to edit in between.
  const [text, setText] = useState(filter.q);
  const [shownQ, setShownQ] = useState(filter.q);
  if (shownQ !== filter.q) {
    setShownQ(filter.q);
    setText(filter.q);
  }
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12} xl={8}>
          <Input.Search
            placeholder="标题、编号或办理要求"
            aria-label="搜索事项"
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(q) => onChange({ q })}
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select<SourceType>
            allowClear
            placeholder="全部来源"
            aria-label="来源"
            style={{ width: '100%' }}
            value={filter.sourceType ?? undefined}
            onChange={(v) => onChange({ sourceType: v ?? null })}
            options={options(SOURCE_TYPES)}
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select<ItemStatus>
            allowClear
            placeholder="全部状态"
            aria-label="状态"
            style={{ width: '100%' }}
            value={filter.status ?? undefined}
            onChange={(v) => onChange({ status: v ?? null })}
            options={options(ITEM_STATUSES)}
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Select<Light>
            allowClear
            placeholder="全部灯色"
            aria-label="红黄绿灯"
            style={{ width: '100%' }}
            value={filter.light ?? undefined}
            onChange={(v) => onChange({ light: v ?? null })}
            options={options(LIGHT_LABELS)}
          />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <DepartmentSelect
            placeholder="全部承办部门"
            value={filter.departmentId}
            onChange={(departmentId) => onChange({ departmentId })}
          />
        </Col>
        {leaders && (
          <Col xs={12} md={6} xl={4}>
            <Select<number>
              allowClear
              placeholder="全部责任领导"
              aria-label="责任领导"
              style={{ width: '100%' }}
              value={filter.leaderId ?? undefined}
              onChange={(v) => onChange({ leaderId: v ?? null })}
              options={leaders}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Col>
        )}
        <Col xs={24} md={12} xl={8}>
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            placeholder={['立项日期起', '立项日期止']}
            value={[
              filter.createdFrom ? dayjs(filter.createdFrom) : null,
              filter.createdTo ? dayjs(filter.createdTo) : null,
            ]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              onChange({
                createdFrom: range?.[0]?.format('YYYY-MM-DD') ?? null,
                createdTo: range?.[1]?.format('YYYY-MM-DD') ?? null,
              })
            }
          />
        </Col>
      </Row>
    </Card>
  );
}
