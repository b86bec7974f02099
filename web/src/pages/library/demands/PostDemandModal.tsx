import { AutoComplete, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { SUGGESTED_TOPICS } from '../../../../../shared/src/library.js';
import { api, newIdempotencyKey } from '../../../api/client.js';
import { applyFieldErrors, useReportError } from '../../../api/errors.js';

interface Values {
  title: string;
  description: string;
  topic?: string;
}

/** 提出需求: title, what is needed, and a topic (suggested or free text). */
export function PostDemandModal({ open, onClose }: { open: boolean; onClose: (posted: boolean) => void }) {
  const [form] = Form.useForm<Values>();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  // One key per request attempt: a retry after a lost response never posts twice.
  const [key, setKey] = useState(newIdempotencyKey);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await api('/api/library/demands', {
        method: 'POST',
        body: { title: v.title, description: v.description ?? '', topic: v.topic ?? null },
        headers: { 'Idempotency-Key': key },
      });
      setKey(newIdempotencyKey());
      form.resetFields();
      onClose(true);
    } catch (error) {
      if (!applyFieldErrors(form, error, ['title', 'description', 'topic'])) report(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="提出资料需求"
      okText="提交"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="title"
          label="需求标题"
          rules={[{ required: true, whitespace: true, message: '请填写需求标题' }]}
        >
          <Input maxLength={80} placeholder="如：2026年度组织生活会对照检查材料范文" />
        </Form.Item>
        <Form.Item name="topic" label="专题">
          <AutoComplete
            allowClear
            placeholder="选择或输入专题"
            options={SUGGESTED_TOPICS.map((t) => ({ value: t }))}
            maxLength={40}
          />
        </Form.Item>
        <Form.Item name="description" label="需求说明">
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="需要什么样的资料、用于什么场合" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
