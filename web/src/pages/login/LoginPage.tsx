import { Alert, Button, Card, Flex, Typography, theme } from 'antd';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import { useRefreshSession, useSession } from '../../api/session.js';
import type { Stage } from '../../api/types.js';
import { PageLoading } from '../../layout/PageLoading.js';
import { PasswordChangeForm } from '../account/PasswordChangeForm.js';
import { TotpEnrol } from '../account/TotpEnrol.js';
import { PasswordStep } from './PasswordStep.js';
import { TotpStep } from './TotpStep.js';

const STEP_TITLES: Record<Exclude<Stage, 'full'> | 'password', string> = {
  password: '登录',
  totp: '动态验证码',
  change_password: '修改密码',
  enroll_totp: '绑定动态验证码',
};

/** Sign-in, one step at a time: the server's session stage says which step is next. */
export default function LoginPage() {
  const session = useSession();
  const refresh = useRefreshSession();
  const [params] = useSearchParams();
  const [restarting, setRestarting] = useState(false);
  const { token } = theme.useToken();

  if (session.isPending) return <PageLoading />;
  if (session.isError)
    return <Alert type="error" showIcon title={errorText(session.error)} style={{ margin: 24 }} />;
  const stage = session.data.user ? session.data.stage : null;
  if (stage === 'full') return <Navigate to="/" replace />;

  const notice = params.get('expired') === '1' ? '会话已过期，请重新登录' : null;
  const next = () => refresh();
  const restart = async () => {
    setRestarting(true);
    try {
      await api<null>('/api/session', { method: 'DELETE', noRedirect: true });
    } finally {
      await refresh();
      setRestarting(false);
    }
  };

  let body;
  if (stage === 'totp') body = <TotpStep onDone={next} />;
  else if (stage === 'change_password') {
    body = (
      <>
        <Alert
          type="warning"
          showIcon
          title="首次登录、密码被重置或已过期，请先修改密码。"
          style={{ marginBottom: 16 }}
        />
        <PasswordChangeForm onDone={next} submitText="修改密码并继续" />
      </>
    );
  } else if (stage === 'enroll_totp') {
    body = (
      <>
        <Alert
          type="warning"
          showIcon
          title="按安全策略，您的账号须绑定动态验证码后才能使用。"
          style={{ marginBottom: 16 }}
        />
        <TotpEnrol onDone={next} />
      </>
    );
  } else body = <PasswordStep onDone={next} notice={notice} />;

  return (
    <Flex
      justify="center"
      align="center"
      style={{ minHeight: '100vh', padding: 16, background: token.colorBgLayout }}
    >
      <Flex vertical gap={16} style={{ width: '100%', maxWidth: 440 }}>
        <div style={{ textAlign: 'center' }}>
          <Typography.Title
            level={2}
            style={{ color: token.colorPrimary, letterSpacing: 8, marginBottom: 4 }}
          >
            落实
          </Typography.Title>
          <Typography.Text type="secondary">督查督办 · 组织生活 · 公文校对 · 资料库</Typography.Text>
        </div>
        <Card title={STEP_TITLES[stage ?? 'password']}>
          {body}
          {stage && (
            <Button
              type="link"
              block
              loading={restarting}
              onClick={() => void restart()}
              style={{ marginTop: 8 }}
            >
              使用其他账号登录
            </Button>
          )}
        </Card>
      </Flex>
    </Flex>
  );
}
