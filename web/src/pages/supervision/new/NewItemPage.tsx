import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api/client.js';
import { applyFieldErrors, errorText } from '../../../api/errors.js';
import { PageTitle } from '../../../layout/PageTitle.js';
import { DeadlineFields, deadlineBody, type DeadlineValues } from '../DeadlineFields.js';
import {
  FEEDBACK_CYCLES,
  SOURCE_TYPES,
  URGENCIES,
  type FeedbackCycle,
  type SourceType,
  type Urgency,
} from '../labels.js';
import { useIdempotency, usePeople } from '../queries.js';
import type { ItemDetail } from '../types.js';
import { ParentSelect } from './ParentSelect.js';
import { RequirementsField } from './RequirementsProofread.js';
import { leaderOptions, watcherOptions } from './people-options.js';
import { SourceFields, sourceRefOf, type SourceValues } from './SourceFields.js';

interface Values extends DeadlineValues {
  title: string;
  requirements: string;
  sourceType: SourceType;
  source?: SourceValues;
  urgency: Urgency;
  difficult: boolean;
  responsibleLeaderId?: number | null;
  watcherIds?: number[];
  parentId?: number | null;
  feedbackCycle: FeedbackCycle;
  standing: boolean;
  tags?: string[];
}

const FIELDS = [
  'title',
  'requirements',
  'sourceType',
  'urgency',
  'responsibleLeaderId',
  'deadline',
  'feedbackCycle',
];
const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/** 立项: a numbered draft, sent once per attempt with an Idempotency-Key. */
export default function NewItemPage() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const parentFromUrl = Number(params.get('parentId')) || null;
  const people = usePeople();
  const { keyFor, done } = useIdempotency();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const sourceType = Form.useWatch('sourceType', form);
  const standing = Form.useWatch('standing', form);

  const submit = async (values: Values) => {
    const body = {
      title: values.title.trim(),
      requirements: values.requirements.trim(),
      sourceType: values.sourceType,
      sourceRef: sourceRefOf(values.sourceType, values.source),
      urgency: values.urgency,
      difficult: values.difficult,
      responsibleLeaderId: values.responsibleLeaderId ?? null,
      watcherIds: values.watcherIds ?? [],
      parentId: values.parentId ?? null,
      ...(values.standing ? { deadline: null, workingDays: null } : deadlineBody(values)),
      feedbackCycle: values.feedbackCycle,
      standing: values.standing,
      tags: (values.tags ?? []).map((t) => t.trim()).filter(Boolean),
    };
    setBusy(true);
    setFailure(null);
    try {
      const created = await api<ItemDetail>('/api/items', {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': keyFor(body) },
      });
      done();
      void client.invalidateQueries({ queryKey: ['supervision'] });
      void message.success(`已立项：${created.number}`);
      void navigate(`/supervision/items/${created.id}`);
    } catch (error) {
      if (!applyFieldErrors(form, error, FIELDS)) setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title="立项" />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        scrollToFirstError
        initialValues={{
          sourceType: 'instruction',
          urgency: 'normal',
          difficult: false,
          feedbackCycle: 'monthly',
          standing: false,
          deadlineMode: 'default',
          parentId: parentFromUrl,
        }}
      >
        <Card title="基本信息" size="small" style={{ marginBottom: 16 }}>
          <Form.Item
            label="标题"
            name="title"
            rules={[{ required: true, whitespace: true, message: '请输入标题' }]}
          >
            <Input maxLength={200} showCount placeholder="如：落实全市作风建设专项整治工作部署" />
          </Form.Item>
          <RequirementsField form={form} />
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="紧急程度" name="urgency">
                <Radio.Group options={options(URGENCIES)} optionType="button" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="标签" name="tags">
                <Select
                  mode="tags"
                  placeholder="输入后回车，如：作风建设"
                  maxCount={20}
                  tokenSeparators={[',', '，']}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="difficult" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox>疑难复杂事项（按疑难事项的办理时限）</Checkbox>
          </Form.Item>
        </Card>

        <Card title="事项来源" size="small" style={{ marginBottom: 16 }}>
          <Form.Item label="来源类型" name="sourceType">
            <Select<SourceType> options={options(SOURCE_TYPES)} style={{ maxWidth: 320 }} />
          </Form.Item>
          <SourceFields type={sourceType} />
        </Card>

        <Card title="责任与时限" size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="责任领导（分管领导）" name="responsibleLeaderId">
                <Select<number>
                  allowClear
                  placeholder="选择领导"
                  loading={people.isPending}
                  options={leaderOptions(people.data ?? [])}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="领导关注" name="watcherIds">
                <Select<number[]>
                  mode="multiple"
                  allowClear
                  placeholder="可选多人"
                  loading={people.isPending}
                  options={watcherOptions(people.data ?? [])}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="上级事项（任务分解）" name="parentId">
                <ParentSelect />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="反馈周期" name="feedbackCycle">
                <Select<FeedbackCycle> options={options(FEEDBACK_CYCLES)} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="standing" valuePropName="checked">
            <Checkbox>长期坚持（按周期报告，不设办结时限）</Checkbox>
          </Form.Item>
          {!standing && <DeadlineFields defaultLabel="按紧急程度默认" />}
        </Card>

        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={() => void navigate(-1)}>取消</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存为草稿
          </Button>
        </Flex>
      </Form>
    </>
  );
}
