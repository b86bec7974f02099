import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client.js';
import { errorText, isStale } from '../../../api/errors.js';
import { hasAnyRole, useCurrentUser } from '../../../layout/current-user.js';
import { PageTitle } from '../../../layout/PageTitle.js';

/** GET/PUT /api/supervision/settings (server/src/modules/supervision/settings.ts). */
interface Settings {
  numberFormat: string;
  limits: { extra_urgent: number; urgent: number; normal: number; difficult: number };
  warnDays: number;
  version: number;
}
type Values = Omit<Settings, 'version'>;

const KEY = ['supervision', 'settings'] as const;

const LIMITS: { name: keyof Settings['limits']; label: string; help: string }[] = [
  { name: 'extra_urgent', label: '特急事项', help: '紧急程度为「特急」' },
  { name: 'urgent', label: '急件', help: '紧急程度为「急件」' },
  { name: 'normal', label: '一般事项', help: '紧急程度为「一般」' },
  { name: 'difficult', label: '难度大事项', help: '立项时勾选「疑难复杂事项」' },
];

const preview = (format: string | undefined) =>
  (format ?? '').replace('{year}', String(new Date().getFullYear())).replace('{seq}', '17');

/** 督办设置: numbering, default time limits in working days and the yellow-light window. */
export default function SupervisionSettingsPage() {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  // The server decides; this only spares others a form they cannot save (policy.ts mayEditSupervisionSettings).
  const mayEdit =
    hasAnyRole(me, ['system_admin']) ||
    (hasAnyRole(me, ['supervisor']) && hasAnyRole(me, ['department_head']));
  const settings = useQuery({ queryKey: KEY, queryFn: () => api<Settings>('/api/supervision/settings') });
  const format = Form.useWatch('numberFormat', form);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (values: Values) =>
      api<Settings>('/api/supervision/settings', {
        method: 'PUT',
        body: { ...values, version: settings.data?.version ?? 0 },
      }),
    onSuccess: (saved) => {
      setFailure(null);
      queryClient.setQueryData(KEY, saved);
      void message.success('督办设置已保存');
    },
    onError: (error) => {
      setFailure(errorText(error));
      if (isStale(error)) void settings.refetch();
    },
  });

  return (
    <>
      <PageTitle title="督办设置" />
      {!mayEdit && (
        <Alert
          type="info"
          showIcon
          title="仅督查室负责人或系统管理员可以修改督办设置，您可以查看。"
          style={{ marginBottom: 16 }}
        />
      )}
      {settings.isError && <Alert type="error" showIcon title={errorText(settings.error)} />}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      {settings.isPending ? (
        <Skeleton active />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          disabled={!mayEdit}
          onFinish={(values) => save.mutate(values)}
          style={{ maxWidth: 880 }}
        >
          <Card size="small" title="事项编号" style={{ marginBottom: 16 }}>
            <Form.Item
              label="编号格式"
              name="numberFormat"
              extra={`{year} 为年份，{seq} 为当年序号。示例：${preview(format)}`}
              rules={[
                { required: true, whitespace: true, message: '编号格式：不能为空' },
                { max: 40, message: '编号格式：不能超过 40 个字符' },
                {
                  validator: (_, value: string | undefined) =>
                    value?.includes('{year}') && value.includes('{seq}')
                      ? Promise.resolve()
                      : Promise.reject(new Error('编号格式：须包含 {year} 和 {seq}')),
                },
              ]}
            >
              <Input style={{ maxWidth: 320 }} />
            </Form.Item>
          </Card>
          <Card size="small" title="默认办理时限（工作日，限时办结制）" style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary">
              立项和交办时未填写办理时限的，按紧急程度从交办之日起计算工作日。只影响此后交办的事项。
            </Typography.Paragraph>
            <Row gutter={16}>
              {LIMITS.map((l) => (
                <Col xs={12} md={6} key={l.name}>
                  <Form.Item
                    label={l.label}
                    name={['limits', l.name]}
                    extra={l.help}
                    rules={[{ required: true, message: `${l.label}时限：不能为空` }]}
                  >
                    <InputNumber
                      min={1}
                      max={365}
                      precision={0}
                      suffix="个工作日"
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Card>
          <Card size="small" title="红黄绿灯" style={{ marginBottom: 16 }}>
            <Form.Item
              label="黄灯预警天数"
              name="warnDays"
              extra="距办理时限或反馈时间不超过这些工作日时亮黄灯；0 表示不预警。"
              rules={[{ required: true, message: '黄灯预警天数：不能为空' }]}
            >
              <InputNumber min={0} max={30} precision={0} suffix="个工作日" style={{ width: 200 }} />
            </Form.Item>
          </Card>
          {mayEdit && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存设置
            </Button>
          )}
        </Form>
      )}
    </>
  );
}
