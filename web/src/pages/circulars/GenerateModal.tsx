import { useMutation } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.js';
import { applyFieldErrors, useReportError } from '../../api/errors.js';
import { useDepartments } from '../../api/session.js';
import { useIdempotency } from '../supervision/queries.js';
import { SOURCE_TYPES } from '../supervision/labels.js';
import { CIRCULAR_KINDS, periodPresets } from './labels.js';
import type { CircularDetail, CircularKind } from './types.js';

interface Values {
  kind: CircularKind;
  date?: Dayjs | null;
  departmentIds?: number[];
  sourceType?: string | null;
}

const PICKERS: Record<CircularKind, 'week' | 'month' | 'quarter' | 'date'> = {
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  half: 'date',
};

/** 生成通报: the period type, any day of the period (empty: the last complete one), the scope and source. */
export function GenerateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const report = useReportError();
  const { keyFor, done } = useIdempotency();
  const departments = useDepartments(open);
  const kind = Form.useWatch('kind', form) ?? 'week';
  const options = useMemo(
    () => (departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
    [departments.data],
  );

  const generate = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        kind: values.kind,
        date: values.date ? values.date.format('YYYY-MM-DD') : undefined,
        departmentIds: values.departmentIds?.length ? values.departmentIds : null,
        sourceType: values.sourceType ?? null,
      };
      return api<CircularDetail>('/api/circulars', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': keyFor(body) },
      });
    },
    onSuccess: (created) => {
      done();
      onClose();
      form.resetFields();
      void navigate(`/circulars/${created.id}`);
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error, ['date', 'departmentIds', 'sourceType'])) report(error);
    },
  });

  return (
    <Modal
      open={open}
      title="生成通报"
      okText="生成草稿"
      cancelText="取消"
      confirmLoading={generate.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="按所选期间统计各部门办理情况，生成草稿；统计数字在生成时固定，印发前可修改文字。"
      />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'week' }}
        onFinish={(values) => generate.mutate(values)}
      >
        <Form.Item name="kind" label="通报类型" rules={[{ required: true, message: '请选择通报类型' }]}>
          <Radio.Group
            optionType="button"
            options={Object.entries(CIRCULAR_KINDS).map(([value, label]) => ({ value, label }))}
            onChange={() => form.setFieldValue('date', null)}
          />
        </Form.Item>
        <Form.Item
          name="date"
          label="统计期间"
          extra={
            kind === 'half'
              ? '选择该半年中的任意一天；不选则为上一个完整的半年。'
              : `不选则为上一个完整的${CIRCULAR_KINDS[kind]}。`
          }
        >
          <DatePicker
            picker={PICKERS[kind]}
            presets={periodPresets(kind)}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            style={{ width: '100%' }}
            placeholder="上一个完整期间"
          />
        </Form.Item>
        <Form.Item name="departmentIds" label="通报范围" extra="不选则为全部部门。">
          <Select
            mode="multiple"
            allowClear
            options={options}
            loading={departments.isPending}
            placeholder="全部部门"
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="sourceType" label="事项来源">
          <Select
            allowClear
            placeholder="全部来源"
            options={Object.entries(SOURCE_TYPES).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
