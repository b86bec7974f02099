import { Alert, DatePicker, Form, InputNumber, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { errorText } from '../../api/errors.js';
import { useWorkingDays } from './queries.js';

export type DeadlineMode = 'default' | 'date' | 'days';

/** The form values of a deadline: a date, or N working days counted from 交办, or the default. */
export interface DeadlineValues {
  deadlineMode: DeadlineMode;
  deadline?: Dayjs | null;
  workingDays?: number | null;
}

/** What the API expects for the chosen mode. */
export function deadlineBody(values: DeadlineValues): {
  deadline: string | null;
  workingDays: number | null;
} {
  if (values.deadlineMode === 'date' && values.deadline)
    return { deadline: values.deadline.format('YYYY-MM-DD'), workingDays: null };
  if (values.deadlineMode === 'days' && values.workingDays)
    return { deadline: null, workingDays: values.workingDays };
  return { deadline: null, workingDays: null };
}

/** The date N working days from today, shown live, with the server's warning for years without holiday data. */
export function WorkingDaysPreview({ days }: { days: number | null | undefined }) {
  const result = useWorkingDays(days);
  if (!days) return null;
  if (result.isError) return <Typography.Text type="danger">{errorText(result.error)}</Typography.Text>;
  if (!result.data) return <Typography.Text type="secondary">正在按工作日历计算…</Typography.Text>;
  return (
    <div data-testid="working-days-preview">
      <Typography.Text>
        今日起算 {days} 个工作日：<strong>{dayjs(result.data.date).format('YYYY年M月D日 dddd')}</strong>
        （以实际交办日起算）
      </Typography.Text>
      {result.data.warning && (
        <Alert type="warning" showIcon title={result.data.warning} style={{ marginTop: 8 }} />
      )}
    </div>
  );
}

interface Props {
  /** Where the fields sit in the form (a Form.List row passes [index]). */
  prefix?: (string | number)[];
  /** The full path of the fields in the form, for watching (defaults to prefix). */
  watchPath?: (string | number)[];
  defaultLabel: string;
  label?: string;
}

/** 办理时限: the default for the urgency (or the item's), a fixed date, or N working days (限时办结). */
export function DeadlineFields({ prefix = [], watchPath, defaultLabel, label = '办理时限' }: Props) {
  const form = Form.useFormInstance();
  const path = watchPath ?? prefix;
  const mode = Form.useWatch<DeadlineMode | undefined>([...path, 'deadlineMode'], form);
  const days = Form.useWatch<number | null | undefined>([...path, 'workingDays'], form);
  return (
    <>
      <Form.Item label={label} name={[...prefix, 'deadlineMode']} style={{ marginBottom: 8 }}>
        <Radio.Group
          options={[
            { value: 'default', label: defaultLabel },
            { value: 'date', label: '指定日期' },
            { value: 'days', label: '工作日数' },
          ]}
        />
      </Form.Item>
      {mode === 'date' && (
        <Form.Item
          name={[...prefix, 'deadline']}
          rules={[{ required: true, message: '请选择办理时限' }]}
          extra="不能早于今天"
        >
          <DatePicker
            style={{ width: '100%', maxWidth: 240 }}
            placeholder="选择日期"
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          />
        </Form.Item>
      )}
      {mode === 'days' && (
        <Form.Item
          name={[...prefix, 'workingDays']}
          rules={[{ required: true, message: '请输入工作日数' }]}
          extra={<WorkingDaysPreview days={days} />}
        >
          <InputNumber
            min={1}
            max={365}
            precision={0}
            suffix="个工作日"
            aria-label="工作日数"
            style={{ width: 180 }}
          />
        </Form.Item>
      )}
    </>
  );
}
