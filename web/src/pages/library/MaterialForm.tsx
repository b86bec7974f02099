import { FileWordOutlined } from '@ant-design/icons';
import type { GetRef } from 'antd';
import { App, Button, Col, Form, Input, Radio, Row, Select, Upload } from 'antd';
import { useRef, useState } from 'react';
import { MATERIAL_TYPES, SUGGESTED_TOPICS, type LibraryTierName } from '../../../../shared/src/library.js';
import { errorText } from '../../api/errors.js';
import { ProofreadPanel } from '../proofread/ProofreadPanel.js';
import { selectInTextArea } from '../proofread/text-utils.js';
import { toMarkup } from './markup.js';
import { importDocx } from './upload.js';

/** The form's copy of a material: the body in the "# heading" markup, key points one per line. */
export interface DraftFields {
  title: string;
  type: string;
  topics: string[];
  occasion: string;
  tier: LibraryTierName;
  text: string;
  note: string;
  keyPoints: string;
}

interface Props {
  draft: DraftFields;
  onChange: (draft: DraftFields) => void;
}

/** The editor's form, with the proofreading panel beside the body so the text is checked before publishing. */
export function MaterialForm({ draft, onChange }: Props) {
  const { message } = App.useApp();
  const bodyArea = useRef<GetRef<typeof Input.TextArea>>(null);
  const [importing, setImporting] = useState(false);
  const set = (patch: Partial<DraftFields>) => onChange({ ...draft, ...patch });
  const locate = (start: number, end: number) => {
    const ta = bodyArea.current?.resizableTextArea?.textArea;
    if (ta) selectInTextArea(ta, start, end);
  };
  const importFile = async (file: File) => {
    setImporting(true);
    try {
      const imported = await importDocx(file);
      set({ text: toMarkup(imported.body, imported.headings), title: draft.title || (imported.title ?? '') });
      void message.success(`已导入「${file.name}」：${imported.headings.length} 个小标题`);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setImporting(false);
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Form layout="vertical" component="div">
          <Form.Item htmlFor="material-title" label="标题" required>
            <Input
              id="material-title"
              value={draft.title}
              maxLength={200}
              onChange={(e) => set({ title: e.target.value })}
            />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item htmlFor="material-type" label="文种" required>
                <Select
                  id="material-type"
                  value={draft.type}
                  options={MATERIAL_TYPES.map((t) => ({ value: t, label: t }))}
                  onChange={(type: string) => set({ type })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item htmlFor="material-topics" label="专题" extra="可选列表中的专题，也可输入后回车新增">
                <Select
                  id="material-topics"
                  mode="tags"
                  value={draft.topics}
                  maxCount={8}
                  options={SUGGESTED_TOPICS.map((t) => ({ value: t, label: t }))}
                  onChange={(topics: string[]) => set({ topics })}
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col xs={24} md={16}>
              <Form.Item htmlFor="material-occasion" label="使用场合">
                <Input
                  id="material-occasion"
                  value={draft.occasion}
                  maxLength={100}
                  placeholder="如：年度组织生活会"
                  onChange={(e) => set({ occasion: e.target.value })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="阅读级别" required>
                <Radio.Group
                  value={draft.tier}
                  options={[
                    { value: 'free', label: '免费' },
                    { value: 'member', label: '会员' },
                  ]}
                  onChange={(e) => set({ tier: e.target.value as LibraryTierName })}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item htmlFor="material-note" label="导读" extra="读者未开通时也能看到导读，请勿写入正文内容">
            <Input.TextArea
              id="material-note"
              value={draft.note}
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 5 }}
              onChange={(e) => set({ note: e.target.value })}
            />
          </Form.Item>
          <Form.Item htmlFor="material-keypoints" label="要点" extra="每行一条">
            <Input.TextArea
              id="material-keypoints"
              value={draft.keyPoints}
              autoSize={{ minRows: 2, maxRows: 6 }}
              onChange={(e) => set({ keyPoints: e.target.value })}
            />
          </Form.Item>
          <Form.Item htmlFor="material-body" label="正文" required extra="每行一段；以“# ”开头的行是小标题。">
            <Upload
              accept=".docx"
              showUploadList={false}
              beforeUpload={(file) => {
                void importFile(file);
                return false;
              }}
            >
              <Button icon={<FileWordOutlined />} loading={importing} style={{ marginBottom: 8 }}>
                导入 Word 文档
              </Button>
            </Upload>
            <Input.TextArea
              id="material-body"
              ref={bodyArea}
              value={draft.text}
              autoSize={{ minRows: 12, maxRows: 30 }}
              onChange={(e) => set({ text: e.target.value })}
            />
          </Form.Item>
        </Form>
      </Col>
      <Col xs={24} xl={10}>
        <ProofreadPanel text={draft.text} onTextChange={(text) => set({ text })} onLocate={locate} />
      </Col>
    </Row>
  );
}
