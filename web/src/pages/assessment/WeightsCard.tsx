import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, InputNumber, Row } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { applyFieldErrors, errorText, isStale, useReportError } from '../../api/errors.js';
import type { Weights } from './types.js';

type Settings = Weights & { version: number };
const KEY = ['assessment', 'settings'] as const;
const FIELDS: { name: keyof Weights; label: string; max: number; step: number; suffix: string }[] = [
  { name: 'onTimeRate', label: '按期办结率满分', max: 100, step: 1, suffix: '分' },
  { name: 'reviewPassRate', label: '审核通过率满分', max: 100, step: 1, suffix: '分' },
  { name: 'perOverdue', label: '每项逾期未办结扣', max: 100, step: 0.5, suffix: '分' },
  { name: 'perLateFeedback', label: '每次逾期反馈扣', max: 100, step: 0.5, suffix: '分' },
];

/** 考核计分规则: supervisors edit it (with the row's version), leaders read it. */
export function WeightsCard({ editable }: { editable: boolean }) {
  const client = useQueryClient();
  const report = useReportError();
  const [form] = Form.useForm<Weights>();
  const [stale, setStale] = useState(false);
  const settings = useQuery({ queryKey: KEY, queryFn: () => api<Settings>('/api/assessment/settings') });
  useEffect(() => {
    // A leader's card has no form to fill.
    if (editable && settings.data) form.setFieldsValue(settings.data);
  }, [editable, settings.data, form]);

  const save = useMutation({
    mutationFn: (w: Weights) =>
      api<Settings>('/api/assessment/settings', {
        method: 'PUT',
        body: { ...w, version: settings.data?.version ?? 0 },
      }),
    onSuccess: (next) => {
      setStale(false);
      client.setQueryData(KEY, next);
      void client.invalidateQueries({ queryKey: ['assessment', 'scores'] });
    },
    onError: (error) => {
      setStale(isStale(error));
      if (isStale(error)) void settings.refetch();
      else if (
        !applyFieldErrors(
          form,
          error,
          FIELDS.map((f) => f.name),
        )
      )
        report(error);
    },
  });

  if (settings.isError)
    return <Alert type="error" showIcon title={errorText(settings.error)} style={{ marginBottom: 16 }} />;
  return (
    <Card size="small" title="计分规则" loading={settings.isPending} style={{ marginBottom: 16 }}>
      {!editable && settings.data ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={FIELDS.map((f) => ({
            key: f.name,
            label: f.label,
            children: `${settings.data[f.name]} 分`,
          }))}
        />
      ) : (
        <Form<Weights> form={form} layout="vertical" onFinish={(w) => save.mutate(w)}>
          {stale && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="计分规则已被他人修改，已载入最新规则，请核对后重新保存"
            />
          )}
          <Row gutter={12}>
            {FIELDS.map((f) => (
              <Col key={f.name} xs={12} md={6}>
                <Form.Item
                  name={f.name}
                  label={f.label}
                  rules={[{ required: true, message: `请填写${f.label}` }]}
                >
                  <InputNumber
                    min={0}
                    max={f.max}
                    step={f.step}
                    suffix={f.suffix}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="得分 = 按期办结率 × 满分 + 审核通过率 × 满分 − 扣分；两项满分之和须为 100。"
          />
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存计分规则
          </Button>
        </Form>
      )}
    </Card>
  );
}
