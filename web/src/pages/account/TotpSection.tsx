import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { applyFieldErrors, errorText } from '../../api/errors.js';
import type { AccountInfo } from '../../api/types.js';
import { ACCOUNT_KEY } from './account-query.js';
import { TotpCodeItem } from './TotpCodeInput.js';
import { TotpEnrol } from './TotpEnrol.js';

/** Bind or unbind the authenticator app from 个人设置. */
export function TotpSection({ account }: { account: AccountInfo }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ totpCode: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ACCOUNT_KEY });

  if (!account.user.totpEnabled) {
    return (
      <>
        <Alert
          type={account.totpRequired ? 'warning' : 'info'}
          showIcon
          title={
            account.totpRequired
              ? '按安全策略，您的角色须使用动态验证码。'
              : '尚未绑定动态验证码。绑定后登录时除密码外还须输入手机上的 6 位数字，更加安全。'
          }
          style={{ marginBottom: 16 }}
        />
        <TotpEnrol
          onDone={async () => {
            void message.success('动态验证码已绑定');
            await refresh();
          }}
        />
      </>
    );
  }

  if (account.totpRequired) {
    return (
      <Alert
        type="success"
        showIcon
        title="已绑定动态验证码"
        description="您的角色要求使用动态验证码，不能解除绑定。"
      />
    );
  }

  const disable = async ({ totpCode }: { totpCode: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await api<null>('/api/account/totp/disable', { method: 'POST', body: { totpCode } });
      void message.success('已解除动态验证码');
      await refresh();
    } catch (error) {
      if (!applyFieldErrors(form, error, ['totpCode'])) setFailure(errorText(error));
      form.setFieldValue('totpCode', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => void disable(v)}
      requiredMark={false}
      style={{ maxWidth: 420 }}
    >
      <Alert type="success" showIcon title="已绑定动态验证码" style={{ marginBottom: 16 }} />
      <Typography.Paragraph>如需更换手机或解除绑定，请输入当前的动态验证码：</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <TotpCodeItem />
      <Button danger htmlType="submit" loading={busy} block>
        解除绑定
      </Button>
    </Form>
  );
}
