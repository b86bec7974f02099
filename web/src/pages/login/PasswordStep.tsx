import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import type { StageResult } from '../../api/types.js';

interface Values {
  login: string;
  password: string;
}

/** First step: login name and password. The server's message says how many attempts are left. */
export function PasswordStep({ onDone, notice }: { onDone: () => Promise<unknown>; notice: string | null }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      await api<StageResult>('/api/session', {
        method: 'POST',
        body: { login: values.login.trim(), password: values.password },
        noRedirect: true,
      });
      await onDone();
    } catch (error) {
      setFailure(errorText(error));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} size="large">
      {notice && !failure && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" />}
      <Form.Item
        label="登录名"
        name="login"
        rules={[{ required: true, whitespace: true, message: '请输入登录名' }]}
      >
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
      </Form.Item>
      <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block>
        登录
      </Button>
    </Form>
  );
}
