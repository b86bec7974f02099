import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { errorText } from '../../api/errors.js';

/** 兑换码: letters and digits in four groups; case, spaces and dashes do not matter. */
export function RedeemCard() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const redeem = async () => {
    if (!code.trim()) {
      void message.error('请输入兑换码');
      return;
    }
    setBusy(true);
    try {
      await api('/api/library/redeem', { method: 'POST', body: { code } });
      void message.success('兑换成功，会员权益已生效');
      setCode('');
      await client.invalidateQueries({ queryKey: ['library', 'membership'] });
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="兑换码" style={{ marginBottom: 16 }}>
      <Form onFinish={() => void redeem()}>
        <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
          <Input
            aria-label="兑换码"
            placeholder="例如 ABCD-EFGH-JKLM-NPQR"
            value={code}
            maxLength={40}
            onChange={(e) => setCode(e.target.value)}
          />
          <Button type="primary" htmlType="submit" loading={busy} data-testid="redeem-submit">
            兑换
          </Button>
        </Space.Compact>
      </Form>
    </Card>
  );
}
