import { Col, DatePicker, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import type { SourceType } from '../labels.js';

interface Field {
  name: string;
  label: string;
  required?: boolean;
  kind?: 'date' | 'long';
  placeholder?: string;
}

/** The source reference each kind of source carries (会议与届次, 批示内容与领导, 文号…). */
const FIELDS: Record<SourceType, Field[]> = {
  instruction: [
    { name: 'content', label: '批示内容', required: true, kind: 'long' },
    { name: 'leaderName', label: '批示领导', required: true, placeholder: '如：陈志刚同志' },
    { name: 'date', label: '批示日期', kind: 'date' },
    { name: 'documentNumber', label: '文号', placeholder: '如：市纪委办〔2026〕12号' },
  ],
  standing_committee: [
    { name: 'meeting', label: '会议', required: true, placeholder: '如：市纪委常委会会议' },
    { name: 'session', label: '届次', placeholder: '如：2026年第15次' },
  ],
  meeting: [{ name: 'meeting', label: '会议', required: true, placeholder: '如：全市纪检监察工作会议' }],
  superior: [
    { name: 'documentNumber', label: '文号', placeholder: '如：省纪委办〔2026〕8号' },
    { name: 'issuer', label: '交办单位', required: true, placeholder: '如：省纪委监委' },
  ],
  annual_task: [{ name: 'note', label: '来源说明', kind: 'long' }],
  special: [{ name: 'note', label: '来源说明', kind: 'long' }],
  rectification: [{ name: 'note', label: '来源说明', kind: 'long' }],
};

export type SourceValues = Record<string, string | Dayjs | null | undefined>;

/** The sourceRef for the API: only the fields of the chosen type, dates as YYYY-MM-DD, blanks left out. */
export function sourceRefOf(type: SourceType, values: SourceValues | undefined): Record<string, string> {
  const ref: Record<string, string> = {};
  for (const field of FIELDS[type]) {
    const value = values?.[field.name];
    if (value === null || value === undefined) continue;
    const text = typeof value === 'string' ? value.trim() : value.format('YYYY-MM-DD');
    if (text) ref[field.name] = text;
  }
  return ref;
}

export function SourceFields({ type }: { type: SourceType | undefined }) {
  if (!type) return null;
  return (
    <Row gutter={16}>
      {FIELDS[type].map((field) => (
        <Col key={`${type}-${field.name}`} xs={24} md={field.kind === 'long' ? 24 : 12}>
          <Form.Item
            label={field.label}
            name={['source', field.name]}
            rules={
              field.required ? [{ required: true, whitespace: true, message: `请填写${field.label}` }] : []
            }
          >
            {field.kind === 'date' ? (
              <DatePicker style={{ width: '100%' }} placeholder="选择日期" />
            ) : field.kind === 'long' ? (
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            ) : (
              <Input maxLength={200} placeholder={field.placeholder} />
            )}
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
