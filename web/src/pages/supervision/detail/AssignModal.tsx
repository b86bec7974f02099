import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Modal, Radio, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client.js';
import { DepartmentSelect } from '../../departments/DepartmentSelect.js';
import { DeadlineFields, deadlineBody, type DeadlineValues } from '../DeadlineFields.js';
import { FEEDBACK_CYCLES, labelOf, type FeedbackCycle } from '../labels.js';
import type { AssignResult, ItemDetail } from '../types.js';
import type { RunAction } from './useItemAction.js';

interface AssignRow extends DeadlineValues {
  departmentId: number | null;
  role: 'lead' | 'assist';
  feedbackCycle?: FeedbackCycle | null;
}

interface Props {
  item: ItemDetail;
  open: boolean;
  run: RunAction;
  onClose: () => void;
  onWarnings: (warnings: string[]) => void;
}

const NEW_ROW: AssignRow = { departmentId: null, role: 'assist', deadlineMode: 'default' };

/** 交办: one row per department, exactly one 主办; each with its own deadline and feedback cycle if needed. */
export function AssignModal({ item, open, run, onClose, onWarnings }: Props) {
  const [form] = Form.useForm<{ assignments: AssignRow[] }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
  }, [open, form]);
  const close = () => {
    setProblem(null);
    onClose();
  };

  const finish = async ({ assignments }: { assignments: AssignRow[] }) => {
    const ids = assignments.map((a) => a.departmentId);
    if (assignments.filter((a) => a.role === 'lead').length !== 1)
      return setProblem('须有且只有一个主办（牵头）部门');
    if (new Set(ids).size !== ids.length) return setProblem('同一部门不能重复交办');
    setProblem(null);
    const body = {
      version: item.version,
      assignments: assignments.map((a) => ({
        departmentId: a.departmentId as number,
        role: a.role,
        ...deadlineBody(a),
        ...(a.feedbackCycle ? { feedbackCycle: a.feedbackCycle } : {}),
      })),
    };
    setBusy(true);
    const outcome = await run('assign', '已交办', async () => {
      const result = await api<AssignResult>(`/api/items/${item.id}/assign`, { method: 'POST', body });
      onWarnings(result.warnings);
      return result;
    });
    setBusy(false);
    if (outcome !== 'failed') close();
  };

  const inherited = item.standing ? '长期坚持' : '按立项时限';
  return (
    <Modal
      open={open}
      title={`交办：${item.number}`}
      okText="交办"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={close}
      width={720}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void finish(v)}
        initialValues={{ assignments: [{ ...NEW_ROW, role: 'lead' }] }}
      >
        <Form.List name="assignments">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`承办部门 ${index + 1}`}
                  style={{ marginBottom: 12 }}
                  extra={
                    fields.length > 1 && (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label="移除该部门"
                        onClick={() => remove(field.name)}
                      />
                    )
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} sm={14}>
                      <Form.Item
                        label="部门"
                        name={[field.name, 'departmentId']}
                        rules={[{ required: true, message: '请选择承办部门' }]}
                      >
                        <DepartmentSelect allowClear={false} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={10}>
                      <Form.Item label="承办方式" name={[field.name, 'role']}>
                        <Radio.Group
                          optionType="button"
                          options={[
                            { value: 'lead', label: '主办（牵头）' },
                            { value: 'assist', label: '协办（配合）' },
                          ]}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                  {!item.standing && (
                    <DeadlineFields
                      prefix={[field.name]}
                      watchPath={['assignments', field.name]}
                      defaultLabel={inherited}
                    />
                  )}
                  <Form.Item
                    label="反馈周期"
                    name={[field.name, 'feedbackCycle']}
                    style={{ marginBottom: 0 }}
                  >
                    <Select<FeedbackCycle>
                      allowClear
                      placeholder={`同事项（${labelOf(FEEDBACK_CYCLES, item.feedbackCycle)}）`}
                      options={(Object.keys(FEEDBACK_CYCLES) as FeedbackCycle[]).map((c) => ({
                        value: c,
                        label: FEEDBACK_CYCLES[c],
                      }))}
                      style={{ maxWidth: 240 }}
                    />
                  </Form.Item>
                </Card>
              ))}
              <Button block type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...NEW_ROW })}>
                增加承办部门
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
