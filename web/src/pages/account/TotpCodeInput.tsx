import { Form, Input } from 'antd';

/** A 6-digit dynamic code field, validated in Chinese. */
export function TotpCodeItem({ label = '动态验证码' }: { label?: string }) {
  return (
    <Form.Item
      label={label}
      name="totpCode"
      rules={[
        { required: true, message: '请输入 6 位动态验证码' },
        { pattern: /^\d{6}$/, message: '动态验证码应为 6 位数字' },
      ]}
    >
      <Input.OTP
        length={6}
        formatter={(s) => s.replace(/\D/g, '')}
        inputMode="numeric"
        autoComplete="one-time-code"
        aria-label="动态验证码"
      />
    </Form.Item>
  );
}
