import { Alert, Checkbox, Col, Modal, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { BUSINESS_ROLES, ROLE_LABELS, isAdminRole, type BusinessRole } from '../../../../shared/src/roles.js';
import { api } from '../../api/client.js';
import { useReportError } from '../../api/errors.js';
import type { User } from '../../api/types.js';

const ROLE_HINTS: Record<BusinessRole, string> = {
  leader: '查看全局督办与批示',
  supervisor: '督查室：立项、催办、销号',
  department_head: '本部门承办的负责人',
  handler: '具体办理并反馈',
  branch_secretary: '党支部组织生活',
  editor: '资料库编辑',
  member: '资料库会员',
};

interface Props {
  user: User | null;
  onClose: () => void;
  onSaved: (stale: boolean) => void;
}

/** Business roles only: the three administrator roles are assigned on the server's command line. */
export function RolesModal({ user, onClose, onSaved }: Props) {
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<BusinessRole[] | null>(null);
  const current = user ? user.roles.filter((r): r is BusinessRole => !isAdminRole(r)) : [];
  const roles = chosen ?? current;
  const adminRoles = user ? user.roles.filter(isAdminRole) : [];

  const close = () => {
    setChosen(null);
    onClose();
  };
  const save = async () => {
    if (!user) return;
    setBusy(true);
    try {
      await api<User>(`/api/users/${user.id}/roles`, {
        method: 'PUT',
        body: { roles, version: user.version },
      });
      setChosen(null);
      onSaved(false);
    } catch (error) {
      if (report(error)) {
        setChosen(null);
        onSaved(true);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={`分配角色：${user?.name ?? ''}`}
      okText="保存"
      onOk={() => void save()}
      confirmLoading={busy}
      onCancel={close}
    >
      <Checkbox.Group value={roles} onChange={(v) => setChosen(v)} style={{ width: '100%', marginTop: 8 }}>
        <Row gutter={[8, 12]}>
          {BUSINESS_ROLES.map((role) => (
            <Col xs={24} sm={12} key={role}>
              <Checkbox value={role}>
                <Space orientation="vertical" size={0}>
                  <span>{ROLE_LABELS[role]}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {ROLE_HINTS[role]}
                  </Typography.Text>
                </Space>
              </Checkbox>
            </Col>
          ))}
        </Row>
      </Checkbox.Group>
      <Alert
        type="info"
        showIcon
        style={{ marginTop: 16 }}
        title="管理员角色（系统管理员、安全管理员、审计管理员）不在此分配"
        description={
          <>
            三员分立：管理员角色须在服务器命令行分配。
            {adminRoles.length > 0 && (
              <div style={{ marginTop: 4 }}>
                该用户现有管理员角色：
                {adminRoles.map((r) => (
                  <Tag key={r}>{ROLE_LABELS[r]}</Tag>
                ))}
              </div>
            )}
          </>
        }
      />
    </Modal>
  );
}
