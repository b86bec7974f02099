import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { applyFieldErrors, useReportError } from '../../api/errors.js';
import type { Page } from '../../api/types.js';
import { ACCOUNTABILITY_KINDS } from '../../../../shared/src/supervision.js';
import { ASSIGNMENT_STATUSES, LIGHT_LABELS, ROLES_IN_ASSIGNMENT, labelOf } from '../supervision/labels.js';
import { useIdempotency, useItem, useMembers } from '../supervision/queries.js';
import type { ItemSummary } from '../supervision/types.js';
import type { AccountabilityRecord } from './types.js';

interface Values {
  itemId: number;
  assignmentId: number;
  kind: string;
  reason: string;
  responsibleUserId?: number | null;
  decidedOn?: Dayjs | null;
}

const FIELDS = ['assignmentId', 'kind', 'reason', 'responsibleUserId', 'decidedOn'];

/**
 * 启动责任追究: pick the item (red-light items are offered first; any can be searched), then its
 * department's assignment. Whether that assignment is overdue, closed late or returned is the server's call.
 */
export function CreateAccountabilityModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const report = useReportError();
  const { keyFor, done } = useIdempotency();
  const [search, setSearch] = useState('');
  const itemId = Form.useWatch('itemId', form) ?? 0;
  const assignmentId = Form.useWatch('assignmentId', form);

  const items = useQuery({
    queryKey: ['accountability', 'item-choices', search],
    enabled: open,
    queryFn: () =>
      api<Page<ItemSummary>>('/api/items', {
        query: search.trim() ? { q: search.trim(), pageSize: 20 } : { light: 'red', pageSize: 20 },
      }),
  });
  const item = useItem(itemId);
  const assignment = item.data?.assignments.find((a) => a.id === assignmentId);
  const members = useMembers(assignment?.departmentId ?? null);

  const create = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        assignmentId: v.assignmentId,
        kind: v.kind,
        reason: v.reason.trim(),
        responsibleUserId: v.responsibleUserId ?? undefined,
        decidedOn: v.decidedOn ? v.decidedOn.format('YYYY-MM-DD') : undefined,
      };
      return api<AccountabilityRecord>('/api/accountability', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': keyFor(body) },
      });
    },
    onSuccess: () => {
      done();
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['accountability', 'list'] });
      onClose();
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, FIELDS)) report(error);
    },
  });

  return (
    <Modal
      open={open}
      title="启动责任追究"
      okText="启动"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="仅可针对逾期未办结、逾期办结或审核被退回的承办任务启动。"
      />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
        <Form.Item name="itemId" label="督办事项" rules={[{ required: true, message: '请选择督办事项' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder="输入标题或编号搜索（默认列出红灯事项）"
            loading={items.isFetching}
            options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.number} ${i.title}` }))}
            onChange={() => form.setFieldsValue({ assignmentId: undefined, responsibleUserId: undefined })}
            notFoundContent={items.isFetching ? '加载中…' : '没有符合条件的事项'}
          />
        </Form.Item>
        <Form.Item
          name="assignmentId"
          label="承办任务"
          rules={[{ required: true, message: '请选择承办任务' }]}
        >
          <Select
            disabled={!itemId}
            loading={item.isFetching}
            placeholder="先选择事项"
            onChange={() => form.setFieldValue('responsibleUserId', undefined)}
            options={(item.data?.assignments ?? []).map((a) => ({
              value: a.id,
              label: `${a.departmentName}（${labelOf(ROLES_IN_ASSIGNMENT, a.role)}）· ${labelOf(
                ASSIGNMENT_STATUSES,
                a.status,
              )} · ${LIGHT_LABELS[a.light]}${a.returnReason ? ' · 曾被退回' : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="kind" label="追责方式" rules={[{ required: true, message: '请选择追责方式' }]}>
          <Select
            options={Object.entries(ACCOUNTABILITY_KINDS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="追责事由"
          rules={[{ required: true, whitespace: true, message: '请填写追责事由' }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="responsibleUserId"
          label="责任人"
          extra={
            assignment?.accountable
              ? `不选则为首问责任人：${assignment.accountable.name}`
              : assignment
                ? '该任务尚未签收，请指定责任人'
                : undefined
          }
        >
          <Select
            allowClear
            disabled={!assignment}
            loading={members.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            options={(members.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="decidedOn" label="决定日期" extra="不选则为今天。">
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
