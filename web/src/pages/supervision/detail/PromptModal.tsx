import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { AttachmentKind } from '../../../../../shared/src/attachments.js';
import { AttachmentUpload } from '../attachments/AttachmentUpload.js';
import type { ActionOutcome } from './useItemAction.js';

export interface PromptField {
  name: string;
  label: string;
  kind: 'text' | 'date' | 'select';
  required?: boolean;
  placeholder?: string;
  /** Dates strictly after this one (延期: after the current deadline). */
  after?: string | null;
  options?: { value: number | string; label: string }[];
}

/** A step that needs some input: a reason, feedback, evidence, a new date or a person. */
export interface Prompt {
  title: string;
  okText: string;
  danger?: boolean;
  hint?: string;
  fields: PromptField[];
  /** Files to attach while filling the form (办结佐证), uploaded as they are picked. */
  attach?: { itemId: number; assignmentId: number; kind: AttachmentKind; label: string };
  submit: (values: Record<string, string | number | null>) => Promise<ActionOutcome>;
}

/** A `whitespace` key makes the validator expect a string, so only text fields get one. */
function rulesOf(f: PromptField) {
  if (!f.required) return [];
  const message = `请填写${f.label}`;
  return f.kind === 'text' ? [{ required: true, whitespace: true, message }] : [{ required: true, message }];
}

type Raw = Record<string, string | number | Dayjs | null | undefined>;

function normalise(fields: PromptField[], raw: Raw): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const f of fields) {
    const v = raw[f.name];
    if (v === undefined || v === null || v === '') out[f.name] = null;
    else if (dayjs.isDayjs(v)) out[f.name] = v.format('YYYY-MM-DD');
    else out[f.name] = typeof v === 'string' ? v.trim() || null : v;
  }
  return out;
}

/** Closes on success, and on a stale version (the page has reloaded the item: look, then try again). */
export function PromptModal({ prompt, onClose }: { prompt: Prompt | null; onClose: () => void }) {
  const [form] = Form.useForm<Raw>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (prompt) form.resetFields();
  }, [prompt, form]);

  const finish = async (raw: Raw) => {
    if (!prompt) return;
    setBusy(true);
    try {
      const outcome = await prompt.submit(normalise(prompt.fields, raw));
      if (outcome !== 'failed') onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={prompt !== null}
      title={prompt?.title}
      okText={prompt?.okText}
      okButtonProps={{ danger: prompt?.danger }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {prompt?.hint && <Alert type="info" showIcon title={prompt.hint} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
        {prompt?.fields.map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label} rules={rulesOf(f)}>
            {f.kind === 'date' ? (
              <DatePicker
                style={{ width: '100%' }}
                placeholder={f.placeholder ?? '选择日期'}
                disabledDate={(d) =>
                  d.isBefore(dayjs(), 'day') || (f.after ? !d.isAfter(dayjs(f.after), 'day') : false)
                }
              />
            ) : f.kind === 'select' ? (
              <Select
                options={f.options}
                placeholder={f.placeholder}
                showSearch={{ optionFilterProp: 'label' }}
              />
            ) : (
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 10 }}
                maxLength={f.name === 'reason' || f.name === 'note' ? 2000 : 20000}
                placeholder={f.placeholder}
              />
            )}
          </Form.Item>
        ))}
        {prompt?.attach && (
          <Form.Item label={prompt.attach.label}>
            <AttachmentUpload
              itemId={prompt.attach.itemId}
              assignmentId={prompt.attach.assignmentId}
              kind={prompt.attach.kind}
              label="选择文件"
              showList
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
