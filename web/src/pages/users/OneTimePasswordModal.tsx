import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Typography } from 'antd';

export interface IssuedPassword {
  who: string;
  password: string;
  reason: 'create' | 'reset';
}

/** The one-time password is shown here once; the server never returns it again. */
export function OneTimePasswordModal({
  issued,
  onClose,
}: {
  issued: IssuedPassword | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const copy = async () => {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.password);
      void message.success('已复制到剪贴板');
    } catch {
      void message.warning('无法访问剪贴板，请手工选中密码复制');
    }
  };
  return (
    <Modal
      open={issued !== null}
      title={issued?.reason === 'create' ? `已新建用户：${issued.who}` : `已重置密码：${issued?.who ?? ''}`}
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          我已记下
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        title="一次性密码仅显示这一次"
        description="关闭此窗口后将无法再次查看。请通过安全渠道交给本人；本人首次登录时须修改密码。"
        style={{ marginBottom: 16 }}
      />
      <Typography.Paragraph
        code
        copyable={{ text: issued?.password ?? '', tooltips: ['复制', '已复制'] }}
        style={{ fontSize: 20, textAlign: 'center', wordBreak: 'break-all' }}
        data-testid="issued-password"
      >
        {issued?.password}
      </Typography.Paragraph>
      <Button icon={<CopyOutlined />} block onClick={() => void copy()}>
        复制密码
      </Button>
    </Modal>
  );
}
