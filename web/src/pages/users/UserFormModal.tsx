import { Form, Input, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { api, newIdempotencyKey } from '../../api/client.js';
import { applyFieldErrors, isStale, useReportError } from '../../api/errors.js';
import type { User } from '../../api/types.js';
import { DepartmentSelect } from '../departments/DepartmentSelect.js';

interface Values {
  login: string;
  name: string;
  departmentId: number | null;
  status: 'active' | 'disabled';
}

interface Props {
  open: boolean;
  /** Absent: create a new user. */
  user: User | null;
  onClose: () => void;
  onCreated: (user: User, issuedPassword: string) => void;
  onSaved: (stale: boolean) => void;
}

const FIELDS = ['login', 'name', 'departmentId', 'status'] as const;

/** New user (system administrator) or edit name, department and status. */
export function UserFormModal({ open, user, onClose, onCreated, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  // One key per create attempt: a retried request after a lost response never creates twice.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user)
      form.setFieldsValue({
        login: user.login,
        name: user.name,
        departmentId: user.departmentId,
        status: user.status,
      });
  }, [open, user, form]);

  const submit = async (values: Values) => {
    setBusy(true);
    try {
      if (user) {
        await api<User>(`/api/users/${user.id}`, {
          method: 'PATCH',
          body: {
            name: values.name.trim(),
            departmentId: values.departmentId ?? null,
            status: values.status,
            version: user.version,
          },
        });
        onSaved(false);
      } else {
        const created = await api<{ user: User; issuedPassword: string }>('/api/users', {
          method: 'POST',
          body: {
            login: values.login.trim(),
            name: values.name.trim(),
            departmentId: values.departmentId ?? null,
          },
          headers: { 'Idempotency-Key': idempotencyKey },
        });
        setIdempotencyKey(newIdempotencyKey());
        onCreated(created.user, created.issuedPassword);
      }
    } catch (error) {
      if (applyFieldErrors(form, error, FIELDS)) return;
      report(error);
      if (isStale(error)) onSaved(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={user ? `编辑用户：${user.name}` : '新建用户'}
      okText={user ? '保存' : '新建'}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ status: 'active', departmentId: null }}
      >
        <Form.Item
          label="登录名"
          name="login"
          extra={user ? undefined : '以字母开头，3～32 位字母、数字、下划线、点或连字符；创建后不可修改'}
          rules={[
            { required: true, message: '请输入登录名' },
            {
              pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/,
              message: '登录名应以字母开头，由 3～32 位字母、数字、下划线、点或连字符组成',
            },
          ]}
        >
          <Input disabled={user !== null} autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 64, message: '姓名最多 64 个字' },
          ]}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item label="所属部门" name="departmentId">
          <DepartmentSelect placeholder="不属于任何部门" />
        </Form.Item>
        {user && (
          <Form.Item label="状态" name="status">
            <Radio.Group
              options={[
                { value: 'active', label: '正常' },
                { value: 'disabled', label: '停用' },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
