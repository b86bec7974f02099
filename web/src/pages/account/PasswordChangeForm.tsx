import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { applyFieldErrors, errorText } from '../../api/errors.js';
import type { Stage, StageResult } from '../../api/types.js';
import { useAccount } from './account-query.js';
import { passwordProblem, policyText } from './password-rules.js';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change one's own password; used by the forced step at sign-in and by 个人设置. */
export function PasswordChangeForm({
  onDone,
  submitText = '修改密码',
}: {
  onDone: (stage: Stage) => Promise<unknown> | void;
  submitText?: string;
}) {
  const [form] = Form.useForm<Values>();
  const account = useAccount();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const policy = account.data?.policy;
  const login = account.data?.user.login ?? '';

  const submit = async (values: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await api<StageResult>('/api/account/password', {
        method: 'POST',
        body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
      });
      form.resetFields();
      await onDone(result.stage);
    } catch (error) {
      if (!applyFieldErrors(form, error, ['currentPassword', 'newPassword'])) setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      requiredMark={false}
      style={{ maxWidth: 420 }}
    >
      {policy && (
        <Alert
          type="info"
          showIcon
          title="密码要求"
          description={policyText(policy)}
          style={{ marginBottom: 16 }}
        />
      )}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form.Item label="原密码" name="currentPassword" rules={[{ required: true, message: '请输入原密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: '请输入新密码' },
          ({ getFieldValue }) => ({
            validator(_, value: string | undefined) {
              if (!value) return Promise.resolve();
              if (value === getFieldValue('currentPassword'))
                return Promise.reject(new Error('新密码不能与原密码相同'));
              const problem = policy ? passwordProblem(value, login, policy) : null;
              return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator(_, value: string | undefined) {
              if (!value || value === getFieldValue('newPassword')) return Promise.resolve();
              return Promise.reject(new Error('两次输入的新密码不一致'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block>
        {submitText}
      </Button>
    </Form>
  );
}
