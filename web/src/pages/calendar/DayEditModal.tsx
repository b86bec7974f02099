import { Alert, Button, Form, Input, Modal, Radio, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { useReportError } from '../../api/errors.js';
import type { CalendarDay } from './types.js';

interface Values {
  kind: 'holiday' | 'workday';
  name: string;
}

interface Props {
  day: CalendarDay | null;
  onClose: () => void;
  onSaved: (text: string) => void;
}

/** The system administrator sets a day as holiday or 调休上班 (over the official data if need be), or clears an entry. */
export function DayEditModal({ day, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const report = useReportError();
  const [busy, setBusy] = useState<'save' | 'clear' | null>(null);
  useEffect(() => {
    if (!day) return;
    form.setFieldsValue({
      kind: day.rule?.kind ?? (day.working ? 'holiday' : 'workday'),
      name: day.rule?.name ?? '',
    });
  }, [day, form]);

  const call = async (which: 'save' | 'clear', request: () => Promise<unknown>, text: string) => {
    setBusy(which);
    try {
      await request();
      onSaved(text);
    } catch (error) {
      report(error);
    } finally {
      setBusy(null);
    }
  };
  const save = (v: Values) =>
    day &&
    void call(
      'save',
      () =>
        api(`/api/calendar/days/${day.date}`, { method: 'PUT', body: { kind: v.kind, name: v.name.trim() } }),
      `已设置 ${day.date}`,
    );
  const clear = () =>
    day &&
    void call(
      'clear',
      () => api(`/api/calendar/days/${day.date}`, { method: 'DELETE' }),
      `已清除 ${day.date} 的人工设置`,
    );

  const title = day ? dayjs(day.date).format('YYYY年M月D日 dddd') : '';
  return (
    <Modal
      open={day !== null}
      title={`设置日期：${title}`}
      onCancel={onClose}
      forceRender
      footer={
        <Space wrap>
          {day?.rule?.source === 'admin' && (
            <Button danger loading={busy === 'clear'} onClick={clear}>
              清除人工设置
            </Button>
          )}
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy === 'save'} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      {day?.rule?.source === 'official' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`国务院公布：${day.rule.name}（${day.rule.kind === 'holiday' ? '放假' : '上班'}）`}
          description="在此保存将以人工设置覆盖官方数据。"
        />
      )}
      {day?.rule?.source === 'admin' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`当前为人工设置：${day.rule.name}`}
        />
      )}
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item label="类型" name="kind">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'holiday', label: '放假' },
              { value: 'workday', label: '调休上班' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入名称' },
            { max: 32, message: '名称最多 32 个字' },
          ]}
        >
          <Input placeholder="如：春节、春节调休上班" maxLength={32} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
