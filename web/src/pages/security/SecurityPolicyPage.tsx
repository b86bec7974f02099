import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Form, InputNumber, Row, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { ROLES, ROLE_LABELS } from '../../../../shared/src/roles.js';
import { api } from '../../api/client.js';
import { applyFieldErrors, errorText, useReportError } from '../../api/errors.js';
import type { SecurityPolicy } from '../../api/types.js';
import { PageTitle } from '../../layout/PageTitle.js';

type Values = Omit<SecurityPolicy, 'version'>;
type NumberField = Exclude<keyof Values, 'totpRequiredRoles'>;

interface NumberSpec {
  name: NumberField;
  label: string;
  min: number;
  max: number;
  unit: string;
  extra?: string;
}

const GROUPS: { title: string; fields: NumberSpec[] }[] = [
  {
    title: '密码策略',
    fields: [
      { name: 'minLength', label: '最短长度', min: 6, max: 64, unit: '位' },
      {
        name: 'minClasses',
        label: '字符类别数',
        min: 1,
        max: 4,
        unit: '类',
        extra: '大写字母、小写字母、数字、特殊字符中至少包含的类别数',
      },
      {
        name: 'historyCount',
        label: '历史密码数',
        min: 0,
        max: 24,
        unit: '次',
        extra: '新密码不能与最近若干次的密码相同；0 表示不检查',
      },
      {
        name: 'maxAgeDays',
        label: '密码有效期',
        min: 0,
        max: 3650,
        unit: '天',
        extra: '到期后登录须修改密码；0 表示永不过期',
      },
    ],
  },
  {
    title: '登录锁定',
    fields: [
      {
        name: 'lockThreshold',
        label: '锁定阈值',
        min: 1,
        max: 100,
        unit: '次',
        extra: '连续验证失败达到此次数即锁定账号',
      },
      { name: 'lockMinutes', label: '锁定时长', min: 1, max: 1440, unit: '分钟' },
    ],
  },
  {
    title: '会话',
    fields: [
      {
        name: 'idleMinutes',
        label: '空闲超时',
        min: 1,
        max: 1440,
        unit: '分钟',
        extra: '无操作超过此时长须重新登录',
      },
      {
        name: 'absoluteHours',
        label: '会话最长时间',
        min: 1,
        max: 168,
        unit: '小时',
        extra: '无论是否操作，登录超过此时长须重新登录',
      },
    ],
  },
];

const KEY = ['security', 'policy'] as const;

export default function SecurityPolicyPage() {
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const policy = useQuery({ queryKey: KEY, queryFn: () => api<SecurityPolicy>('/api/security/policy') });

  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);

  const save = async (values: Values) => {
    if (!policy.data) return;
    setBusy(true);
    try {
      const saved = await api<SecurityPolicy>('/api/security/policy', {
        method: 'PUT',
        body: { ...values, version: policy.data.version },
      });
      client.setQueryData(KEY, saved);
      void message.success('安全策略已保存');
    } catch (error) {
      if (
        !applyFieldErrors(form, error, [
          ...GROUPS.flatMap((g) => g.fields.map((f) => f.name)),
          'totpRequiredRoles',
        ]) &&
        report(error)
      ) {
        await client.invalidateQueries({ queryKey: KEY });
      }
    } finally {
      setBusy(false);
    }
  };

  if (policy.isPending) return <Skeleton active />;
  if (policy.isError) return <Alert type="error" showIcon title={errorText(policy.error)} />;

  return (
    <>
      <PageTitle title="安全策略" />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={policy.data}
        requiredMark={false}
      >
        <Row gutter={[16, 16]}>
          {GROUPS.map((group) => (
            <Col xs={24} lg={8} key={group.title}>
              <Card title={group.title} style={{ height: '100%' }}>
                {group.fields.map((f) => (
                  <Form.Item
                    key={f.name}
                    label={f.label}
                    name={f.name}
                    extra={f.extra}
                    rules={[
                      { required: true, message: `请输入${f.label}` },
                      {
                        type: 'integer',
                        min: f.min,
                        max: f.max,
                        message: `${f.label}应为 ${f.min}～${f.max} 之间的整数`,
                      },
                    ]}
                  >
                    <InputNumber
                      min={f.min}
                      max={f.max}
                      precision={0}
                      suffix={f.unit}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                ))}
              </Card>
            </Col>
          ))}
          <Col xs={24}>
            <Card title="动态验证码">
              <Form.Item
                label="须使用动态验证码的角色"
                name="totpRequiredRoles"
                extra="这些角色的用户登录时须输入动态验证码；尚未绑定的，下次登录时须先绑定。"
              >
                <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 16 }}>
          保存
        </Button>
      </Form>
    </>
  );
}
