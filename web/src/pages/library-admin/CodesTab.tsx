import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  DatePicker,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Select,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api/client.js';
import { when, type Plan } from '../membership/types.js';
import { exportCodes } from './exportCodes.js';
import { useAdminAction } from './useAdminAction.js';

interface Batch {
  id: number;
  planName: string;
  count: number;
  redeemed: number;
  expiresAt: string;
  note: string;
  exportedAt: string | null;
  createdAt: string;
}

interface BatchForm {
  planId: number;
  count: number;
  expires: Dayjs;
  note?: string;
}

/** 兑换码批次: generate a batch for a member plan, then export its codes once (.xlsx or .csv). */
export function CodesTab() {
  const act = useAdminAction();
  const isPhone = Grid.useBreakpoint().md === false;
  const [form] = Form.useForm<BatchForm>();
  const plans = useQuery({
    queryKey: ['library', 'plans'],
    queryFn: () => api<{ items: Plan[] }>('/api/library/plans'),
  });
  const batches = useQuery({
    queryKey: ['library', 'code-batches'],
    queryFn: () => api<{ items: Batch[] }>('/api/library/code-batches'),
  });
  const memberPlans = (plans.data?.items ?? []).filter((p) => p.tier === 'member');

  const generate = async (v: BatchForm) => {
    // Valid through the chosen day in Beijing time.
    const expiresAt = `${v.expires.format('YYYY-MM-DD')}T23:59:59+08:00`;
    const body = { planId: v.planId, count: v.count, expiresAt, note: v.note ?? '' };
    if (
      await act('兑换码已生成，请立即导出', () => api('/api/library/code-batches', { method: 'POST', body }))
    ) {
      form.resetFields();
    }
  };
  const download = (b: Batch, format: 'xlsx' | 'csv') =>
    void act(`已导出第 ${b.id} 批兑换码`, () => exportCodes(b.id, format));

  return (
    <>
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 12, rowGap: 8 }}
        initialValues={{ count: 100, expires: dayjs().add(6, 'month') }}
        onFinish={(v) => void generate(v)}
      >
        <Form.Item name="planId" label="方案" rules={[{ required: true, message: '请选择方案' }]}>
          <Select
            style={{ width: 160 }}
            placeholder="选择会员方案"
            options={memberPlans.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="count" label="数量" rules={[{ required: true, message: '请填写数量' }]}>
          <InputNumber min={1} max={5000} precision={0} />
        </Form.Item>
        <Form.Item name="expires" label="有效期至" rules={[{ required: true, message: '请选择有效期' }]}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} placeholder="如：2026 年读书会" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            生成兑换码
          </Button>
        </Form.Item>
      </Form>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="为安全起见，系统只保存兑换码的摘要：每批只能导出一次，请妥善保管导出的文件。"
      />
      <Table<Batch>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={batches.isLoading}
        dataSource={batches.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '还没有兑换码批次' }}
        columns={[
          { title: '批次', dataIndex: 'id', render: (id: number) => `第 ${id} 批` },
          ...(isPhone ? [] : [{ title: '方案', dataIndex: 'planName' }]),
          { title: '已兑换/总数', key: 'used', render: (_: unknown, b) => `${b.redeemed} / ${b.count}` },
          // A phone keeps the export buttons in view: the date and note stay on larger screens.
          ...(isPhone
            ? []
            : [
                { title: '有效期至', dataIndex: 'expiresAt', render: when },
                { title: '备注', dataIndex: 'note' },
              ]),
          {
            title: '导出',
            key: 'export',
            render: (_: unknown, b) =>
              b.exportedAt ? (
                <Typography.Text type="secondary">已于 {when(b.exportedAt)} 导出</Typography.Text>
              ) : (
                <Flex gap={4} wrap>
                  <Button size="small" type="primary" onClick={() => download(b, 'xlsx')}>
                    导出 Excel
                  </Button>
                  <Button size="small" onClick={() => download(b, 'csv')}>
                    导出 CSV
                  </Button>
                </Flex>
              ),
          },
        ]}
      />
    </>
  );
}
