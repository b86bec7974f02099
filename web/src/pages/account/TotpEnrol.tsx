import { Alert, Button, Flex, Form, Image, Typography } from 'antd';
import QRCode from 'qrcode';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { applyFieldErrors, errorText } from '../../api/errors.js';
import type { Stage, StageResult, TotpSetup } from '../../api/types.js';
import { TotpCodeItem } from './TotpCodeInput.js';

interface Shown extends TotpSetup {
  qr: string;
}

/** Bind an authenticator app: fetch a secret, show it as a QR code and text, confirm with a code. */
export function TotpEnrol({ onDone }: { onDone: (stage: Stage) => Promise<unknown> | void }) {
  const [form] = Form.useForm<{ totpCode: string }>();
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const begin = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const setup = await api<TotpSetup>('/api/account/totp/setup', { method: 'POST' });
      const qr = await QRCode.toDataURL(setup.uri, { margin: 1, width: 200, errorCorrectionLevel: 'M' });
      setShown({ ...setup, qr });
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async ({ totpCode }: { totpCode: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await api<StageResult>('/api/account/totp/confirm', {
        method: 'POST',
        body: { totpCode },
      });
      await onDone(result.stage);
    } catch (error) {
      if (!applyFieldErrors(form, error, ['totpCode'])) setFailure(errorText(error));
      form.setFieldValue('totpCode', '');
    } finally {
      setBusy(false);
    }
  };

  if (!shown) {
    return (
      <Flex vertical gap={12} style={{ maxWidth: 420 }}>
        <Typography.Paragraph style={{ margin: 0 }}>
          请在手机上安装支持 TOTP 的验证器应用（如 FreeOTP、Google Authenticator、Microsoft Authenticator
          等），然后点击下方按钮获取绑定二维码。
        </Typography.Paragraph>
        {failure && <Alert type="error" showIcon title={failure} />}
        <Button type="primary" loading={busy} onClick={() => void begin()}>
          获取绑定二维码
        </Button>
      </Flex>
    );
  }

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => void confirm(v)}
      requiredMark={false}
      style={{ maxWidth: 420 }}
    >
      <Typography.Paragraph>1. 用验证器应用扫描二维码，或手工输入密钥：</Typography.Paragraph>
      <Flex vertical align="center" gap={8} style={{ marginBottom: 16 }}>
        <Image src={shown.qr} alt="动态验证码绑定二维码" width={200} height={200} preview={false} />
        <Typography.Text
          code
          copyable={{ text: shown.secret, tooltips: ['复制密钥', '已复制'] }}
          style={{ wordBreak: 'break-all' }}
        >
          {shown.secret}
        </Typography.Text>
      </Flex>
      <Typography.Paragraph>2. 输入应用中显示的 6 位数字完成绑定：</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <TotpCodeItem />
      <Button type="primary" htmlType="submit" loading={busy} block>
        确认绑定
      </Button>
    </Form>
  );
}
