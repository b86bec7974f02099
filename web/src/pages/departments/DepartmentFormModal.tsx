import { Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { api, newIdempotencyKey } from '../../api/client.js';
import { applyFieldErrors, useReportError } from '../../api/errors.js';
import type { Department } from '../../api/types.js';
import { DepartmentSelect } from './DepartmentSelect.js';

interface Values {
  name: string;
  code: string;
  parentId: number | null;
  sortOrder: number;
}

export type DepartmentEdit = { department: Department } | { parentId: number | null };

interface Props {
  edit: DepartmentEdit | null;
  onClose: () => void;
  onSaved: (saved: Department | null, stale: boolean) => void;
}

const FIELDS = ['name', 'code', 'parentId', 'sortOrder'] as const;

/** New department (under a chosen parent) or edit one, including moving it elsewhere in the tree. */
export function DepartmentFormModal({ edit, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const existing = edit && 'department' in edit ? edit.department : null;

  useEffect(() => {
    if (!edit) return;
    form.resetFields();
    if ('department' in edit) {
      const d = edit.department;
      form.setFieldsValue({ name: d.name, code: d.code, parentId: d.parentId, sortOrder: d.sortOrder });
    } else form.setFieldsValue({ parentId: edit.parentId, sortOrder: 0 });
  }, [edit, form]);

  const submit = async (values: Values) => {
    setBusy(true);
    const body = {
      name: values.name.trim(),
      code: values.code.trim(),
      parentId: values.parentId ?? null,
      sortOrder: values.sortOrder ?? 0,
    };
    try {
      let saved: Department;
      if (existing) {
        saved = await api<Department>(`/api/departments/${existing.id}`, {
          method: 'PATCH',
          body: { ...body, version: existing.version },
        });
      } else {
        saved = await api<Department>('/api/departments', {
          method: 'POST',
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        });
        setIdempotencyKey(newIdempotencyKey());
      }
      onSaved(saved, false);
    } catch (error) {
      if (applyFieldErrors(form, error, FIELDS)) return;
      if (report(error)) onSaved(null, true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={edit !== null}
      title={existing ? `编辑部门：${existing.name}` : '新建部门'}
      okText={existing ? '保存' : '新建'}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          label="部门名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入部门名称' },
            { max: 64, message: '部门名称最多 64 个字' },
          ]}
        >
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="编码"
          name="code"
          rules={[
            { required: true, message: '请输入编码' },
            { pattern: /^[A-Za-z0-9_-]{1,32}$/, message: '编码应为 1～32 位字母、数字、下划线或连字符' },
          ]}
        >
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item label="上级部门" name="parentId">
          <DepartmentSelect placeholder="无（顶级部门）" excludeSubtreeOf={existing?.id} />
        </Form.Item>
        <Form.Item
          label="排序"
          name="sortOrder"
          extra="数字小的排在前面"
          rules={[{ type: 'integer', min: 0, max: 9999, message: '排序应为 0～9999 之间的整数' }]}
        >
          <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
