import { ClearOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Input, Row, Typography, Upload, type GetRef } from 'antd';
import { useRef, useState } from 'react';
import { PageTitle } from '../../layout/PageTitle.js';
import { ProofreadPanel } from './ProofreadPanel.js';
import { downloadText, readTextFile, selectInTextArea } from './text-utils.js';

/** A .txt larger than this is not a 公文; the server limit is ~4 M characters. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

function baseName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** 公文校对: paste or upload text, check it, apply certain fixes, export the result. Nothing is stored. */
export default function ProofreadPage() {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const areaRef = useRef<GetRef<typeof Input.TextArea>>(null);

  const load = async (file: File) => {
    if (/\.docx?$/i.test(file.name)) {
      void message.warning('网页只支持 .txt 文件；.docx 请用命令行：luoshi proofread 文件.docx');
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      void message.error('文件过大（超过 10 MB），请分段校对');
      return;
    }
    try {
      setText(await readTextFile(file));
      setFileName(file.name);
      void message.success(`已读取：${file.name}`);
    } catch {
      void message.error('无法读取该文件');
    }
  };

  const locate = (start: number, end: number) => {
    const ta = areaRef.current?.resizableTextArea?.textArea;
    if (ta) selectInTextArea(ta, start, end);
  };

  const exportText = () => {
    downloadText(text, `${fileName ? baseName(fileName) : '公文'}-校对后.txt`);
  };

  return (
    <>
      <PageTitle
        title="公文校对"
        extra={
          <>
            <Upload
              accept=".txt,text/plain"
              showUploadList={false}
              maxCount={1}
              beforeUpload={(file) => {
                void load(file);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button icon={<UploadOutlined />}>上传 .txt</Button>
            </Upload>
            <Button icon={<DownloadOutlined />} disabled={!text} onClick={exportText}>
              导出
            </Button>
            <Button
              icon={<ClearOutlined />}
              disabled={!text}
              onClick={() => {
                setText('');
                setFileName(null);
              }}
            >
              清空
            </Button>
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={fileName ? `正文：${fileName}` : '正文'}>
            <Input.TextArea
              ref={areaRef}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="在此粘贴公文正文，或点击“上传 .txt”。每段一行。"
              autoSize={{ minRows: 16, maxRows: 32 }}
              style={{ fontFamily: 'inherit', fontSize: 15, lineHeight: 1.8 }}
              aria-label="待校对文本"
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              共 {text.length} 字。.docx 文件请用命令行工具{' '}
              <Typography.Text code>luoshi proofread</Typography.Text> 校对。
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <ProofreadPanel text={text} onTextChange={setText} onLocate={locate} />
        </Col>
      </Row>
    </>
  );
}
