import { useQuery } from '@tanstack/react-query';
import { Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../api/client.js';
import type { Demand } from './types.js';

interface Published {
  id: number;
  title: string;
  type: string;
}

export type Decision = { kind: 'answer' | 'close'; demand: Demand };

/**
 * The editor's decision on an open demand: answer with a published material (the requester and the
 * voters are notified), or close it with a reason.
 */
export function DecideModal({
  decision,
  busy,
  onSubmit,
  onCancel,
}: {
  decision: Decision | null;
  busy: boolean;
  onSubmit: (body: { materialId?: number; note?: string; reason?: string }) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<{ materialId?: number; note?: string; reason?: string }>();
  const answering = decision?.kind === 'answer';
  const published = useQuery({
    queryKey: ['library', 'editor', 'list', 'published'],
    queryFn: () =>
      api<{ items: Published[] }>('/api/library/editor/materials', { query: { status: 'published' } }),
    enabled: answering,
  });
  useEffect(() => {
    if (decision) form.resetFields();
  }, [decision, form]);

  return (
    <Modal
      open={decision !== null}
      title={answering ? '以资料回应需求' : '关闭需求'}
      okText={answering ? '回应并通知' : '关闭需求'}
      okButtonProps={{ danger: !answering }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      forceRender
    >
      <Typography.Paragraph strong>{decision?.demand.title}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onSubmit}>
        {answering ? (
          <>
            <Form.Item
              name="materialId"
              label="回应资料"
              rules={[{ required: true, message: '请选择已发布的资料' }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="输入标题查找已发布的资料"
                loading={published.isLoading}
                options={(published.data?.items ?? []).map((m) => ({
                  value: m.id,
                  label: `${m.title}（${m.type}）`,
                }))}
              />
            </Form.Item>
            <Form.Item name="note" label="回应说明">
              <Input.TextArea rows={3} maxLength={500} placeholder="可选：说明资料如何满足需求" />
            </Form.Item>
            <Typography.Text type="secondary">
              提出人和投票人将收到站内通知（仅含标题和链接）。
            </Typography.Text>
          </>
        ) : (
          <Form.Item
            name="reason"
            label="关闭原因"
            rules={[{ required: true, whitespace: true, message: '请填写关闭原因' }]}
          >
            <Input.TextArea rows={3} maxLength={500} placeholder="如：与已有资料重复、不属于资料库范围" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
