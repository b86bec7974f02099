import { Alert, Button, Form, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { applyFieldErrors, errorText } from '../../api/errors.js';
import type { StageResult } from '../../api/types.js';
import { TotpCodeItem } from '../account/TotpCodeInput.js';

/** Second step for accounts with a bound authenticator. */
export function TotpStep({ onDone }: { onDone: () => Promise<unknown> }) {
  const [form] = Form.useForm<{ totpCode: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async ({ totpCode }: { totpCode: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await api<StageResult>('/api/session/totp', { method: 'POST', body: { totpCode }, noRedirect: true });
      await onDone();
    } catch (error) {
      if (!applyFieldErrors(form, error, ['totpCode'])) setFailure(errorText(error));
      form.setFieldValue('totpCode', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
      <Typography.Paragraph>请打开手机上的验证器应用，输入显示的 6 位动态验证码。</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <TotpCodeItem />
      <Button type="primary" htmlType="submit" loading={busy} block>
        验证
      </Button>
    </Form>
  );
}
