import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Col, Descriptions, Row, Skeleton, Tag } from 'antd';
import dayjs from 'dayjs';
import { ROLE_LABELS } from '../../../../shared/src/roles.js';
import { errorText } from '../../api/errors.js';
import { useDepartments } from '../../api/session.js';
import { mayReadDepartments, useCurrentUser } from '../../layout/current-user.js';
import { PageTitle } from '../../layout/PageTitle.js';
import { ACCOUNT_KEY, useAccount } from './account-query.js';
import { PasswordChangeForm } from './PasswordChangeForm.js';
import { TotpSection } from './TotpSection.js';

const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

export default function AccountPage() {
  const me = useCurrentUser();
  const account = useAccount();
  const departments = useDepartments(mayReadDepartments(me));
  const client = useQueryClient();
  const { message } = App.useApp();

  if (account.isPending) return <Skeleton active />;
  if (account.isError) return <Alert type="error" showIcon title={errorText(account.error)} />;
  const { user, passwordExpiresAt } = account.data;
  const departmentName =
    user.departmentId === null
      ? '—'
      : (departments.data?.items.find((d) => d.id === user.departmentId)?.name ?? '—');
  const expiresSoon = passwordExpiresAt !== null && dayjs(passwordExpiresAt).diff(dayjs(), 'day') < 7;

  return (
    <>
      <PageTitle title="个人设置" />
      <Card title="我的账号" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 3 }} size="small">
          <Descriptions.Item label="姓名">{user.name}</Descriptions.Item>
          <Descriptions.Item label="登录名">{user.login}</Descriptions.Item>
          <Descriptions.Item label="所属部门">{departmentName}</Descriptions.Item>
          <Descriptions.Item label="角色">
            {user.roles.length === 0 ? '无' : user.roles.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>)}
          </Descriptions.Item>
          <Descriptions.Item label="密码修改时间">{time(user.passwordChangedAt)}</Descriptions.Item>
          <Descriptions.Item label="密码到期时间">
            {passwordExpiresAt === null ? (
              '永不过期'
            ) : (
              <span style={expiresSoon ? { color: '#cf1322' } : undefined}>{time(passwordExpiresAt)}</span>
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="修改密码" style={{ height: '100%' }}>
            <PasswordChangeForm
              onDone={async () => {
                void message.success('密码已修改，其他设备上的登录已失效');
                await client.invalidateQueries({ queryKey: ACCOUNT_KEY });
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="动态验证码（双因素认证）" style={{ height: '100%' }}>
            <TotpSection account={account.data} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
