import { LockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { GROUP_KINDS } from '../../../../../shared/src/library-demands.js';
import { api } from '../../../api/client.js';
import { errorText } from '../../../api/errors.js';
import { useSession } from '../../../api/session.js';
import { PageTitle } from '../../../layout/PageTitle.js';
import { GroupQr } from './GroupQr.js';
import type { MyGroup } from './types.js';

function GroupCard({ group: g, member }: { group: MyGroup; member: boolean }) {
  return (
    <Card
      title={g.name}
      extra={<Tag color={g.tier === 'member' ? 'gold' : 'green'}>{GROUP_KINDS[g.tier]}</Tag>}
      data-testid="library-group"
    >
      {g.entitled && g.joinLink ? (
        <Flex vertical align="center" gap={8}>
          <GroupQr link={g.joinLink} />
          <Typography.Text type="secondary">扫码或点击链接加入</Typography.Text>
          <Typography.Link
            href={g.joinLink}
            target="_blank"
            rel="noopener noreferrer"
            style={{ wordBreak: 'break-all' }}
          >
            {g.joinLink}
          </Typography.Link>
          {g.notes && <Typography.Paragraph style={{ margin: 0 }}>{g.notes}</Typography.Paragraph>}
        </Flex>
      ) : (
        <Flex vertical align="center" gap={8} data-testid="library-group-locked">
          <LockOutlined style={{ fontSize: 32, color: '#bfbfbf' }} />
          <Typography.Text type="secondary">会员权益有效期内可见加群方式</Typography.Text>
          {member && <Link to="/library/membership">开通或续期会员</Link>}
        </Flex>
      )}
    </Card>
  );
}

/** 交流群: the free group for everyone, the member group's link and QR code only while one is a member. */
export default function MyGroupsPage() {
  const member = useSession().data?.user?.roles.includes('member') ?? false;
  const groups = useQuery({
    queryKey: ['library', 'groups', 'mine'],
    queryFn: () => api<{ items: MyGroup[] }>('/api/library/groups'),
  });
  return (
    <>
      <PageTitle title="交流群" />
      {groups.isError && (
        <Alert type="error" showIcon title={errorText(groups.error)} style={{ marginBottom: 16 }} />
      )}
      {groups.data?.items.length === 0 && <Empty description="暂无交流群" />}
      <Row gutter={[16, 16]}>
        {groups.data?.items.map((g) => (
          <Col key={g.id} xs={24} sm={12} lg={8}>
            <GroupCard group={g} member={member} />
          </Col>
        ))}
      </Row>
    </>
  );
}
