import { SaveOutlined } from '@ant-design/icons';
import type { GetRef } from 'antd';
import { Alert, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Segmented } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { ProofreadPanel } from '../proofread/ProofreadPanel.js';
import { selectInTextArea } from '../proofread/text-utils.js';
import type { CoveringText } from './types.js';

/** The editable text with each paragraph list as one text (a paragraph per line). */
export interface DraftText extends Omit<CoveringText, 'lead' | 'closing'> {
  lead: string;
  closing: string;
}

export const toDraft = (t: CoveringText): DraftText => ({
  ...t,
  lead: t.lead.join('\n'),
  closing: t.closing.join('\n'),
});

export const paragraphsOf = (text: string) =>
  text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);

type Target = 'lead' | 'closing';
const TARGETS: { value: Target; label: string }[] = [
  { value: 'lead', label: '导语' },
  { value: 'closing', label: '有关要求' },
];

interface Props {
  draft: DraftText;
  onChange: (draft: DraftText) => void;
  onSave: () => void;
  onCancel: () => void;
  saving: boolean;
  /**
   * The save met a newer version: the user's text stays until they choose to load the latest, and saving
   * waits for that, so the other person's change is never overwritten unseen.
   */
  conflict: boolean;
  onReload: () => void;
}

/**
 * 修改通报文字, with the proofreading panel beside the paragraphs, so the text is checked before 印发. The
 * statistics are not editable: they are the snapshot taken when the draft was generated.
 */
export function CoveringTextEditor({ draft, onChange, onSave, onCancel, saving, conflict, onReload }: Props) {
  const [target, setTarget] = useState<Target>('lead');
  const leadArea = useRef<GetRef<typeof Input.TextArea>>(null);
  const closingArea = useRef<GetRef<typeof Input.TextArea>>(null);
  const set = (patch: Partial<DraftText>) => onChange({ ...draft, ...patch });
  const locate = (start: number, end: number) => {
    const ta = (target === 'lead' ? leadArea : closingArea).current?.resizableTextArea?.textArea;
    if (ta) selectInTextArea(ta, start, end);
  };
  const missing = (['title', 'organName', 'recipients', 'issuer', 'printedBy'] as const).some(
    (k) => !draft[k].trim(),
  );

  return (
    <Card size="small" title="修改通报文字" style={{ marginBottom: 16 }} data-testid="circular-editor">
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Form layout="vertical" component="div">
            <Form.Item htmlFor="circular-title" label="标题" required>
              <Input
                id="circular-title"
                value={draft.title}
                maxLength={200}
                onChange={(e) => set({ title: e.target.value })}
              />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item htmlFor="circular-organName" label="发文机关（版头）" required>
                  <Input
                    id="circular-organName"
                    value={draft.organName}
                    maxLength={60}
                    onChange={(e) => set({ organName: e.target.value })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item htmlFor="circular-docNumber" label="发文字号">
                  <Input
                    id="circular-docNumber"
                    value={draft.docNumber ?? ''}
                    maxLength={60}
                    placeholder="如：督通〔2026〕3号"
                    onChange={(e) => set({ docNumber: e.target.value })}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item htmlFor="circular-recipients" label="主送" required>
              <Input
                id="circular-recipients"
                value={draft.recipients}
                maxLength={200}
                onChange={(e) => set({ recipients: e.target.value })}
              />
            </Form.Item>
            <Form.Item htmlFor="circular-lead" label="导语" extra="每行一段。">
              <Input.TextArea
                id="circular-lead"
                ref={leadArea}
                value={draft.lead}
                autoSize={{ minRows: 3, maxRows: 10 }}
                onFocus={() => setTarget('lead')}
                onChange={(e) => set({ lead: e.target.value })}
              />
            </Form.Item>
            <Form.Item
              htmlFor="circular-closing"
              label="有关要求"
              extra="每行一段；留空则不印“四、有关要求”。"
            >
              <Input.TextArea
                id="circular-closing"
                ref={closingArea}
                value={draft.closing}
                autoSize={{ minRows: 3, maxRows: 10 }}
                onFocus={() => setTarget('closing')}
                onChange={(e) => set({ closing: e.target.value })}
              />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item htmlFor="circular-issuer" label="落款" required>
                  <Input
                    id="circular-issuer"
                    value={draft.issuer}
                    maxLength={60}
                    onChange={(e) => set({ issuer: e.target.value })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item htmlFor="circular-issuedOn" label="成文日期" required>
                  <DatePicker
                    id="circular-issuedOn"
                    style={{ width: '100%' }}
                    allowClear={false}
                    value={dayjs(draft.issuedOn)}
                    onChange={(d) => d && set({ issuedOn: d.format('YYYY-MM-DD') })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item htmlFor="circular-printedBy" label="印发机关" required>
                  <Input
                    id="circular-printedBy"
                    value={draft.printedBy}
                    maxLength={60}
                    onChange={(e) => set({ printedBy: e.target.value })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item htmlFor="circular-printedOn" label="印发日期" required>
                  <DatePicker
                    id="circular-printedOn"
                    style={{ width: '100%' }}
                    allowClear={false}
                    value={dayjs(draft.printedOn)}
                    onChange={(d) => d && set({ printedOn: d.format('YYYY-MM-DD') })}
                  />
                </Form.Item>
              </Col>
            </Row>
          </Form>
          {conflict && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title="保存失败：通报已被他人修改（版本冲突），您的修改尚未保存"
              description="可先复制您的文字，再载入最新版本重新修改。"
              action={<Button onClick={onReload}>载入最新版本</Button>}
            />
          )}
          {missing && (
            <Alert
              type="warning"
              showIcon
              title="标题、版头、主送、落款和印发机关不能为空"
              style={{ marginBottom: 12 }}
            />
          )}
          <Flex gap={8} justify="end" style={{ marginBottom: 16 }}>
            <Button onClick={onCancel}>取消</Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              disabled={missing || conflict}
              onClick={onSave}
            >
              保存
            </Button>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={8}>
            <Segmented<Target>
              block
              options={TARGETS.map((t) => ({ ...t, label: `校对${t.label}` }))}
              value={target}
              onChange={setTarget}
            />
            {/* One panel per paragraph list: findings of one never stand against the other's text. */}
            <ProofreadPanel
              key={target}
              text={draft[target]}
              onTextChange={(text) => set({ [target]: text })}
              onLocate={locate}
            />
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}
