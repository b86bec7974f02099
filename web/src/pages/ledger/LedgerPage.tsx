import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Flex, Grid, Typography, Upload } from 'antd';
import { useState } from 'react';
import { newIdempotencyKey } from '../../api/client.js';
import { downloadFile } from '../../api/download.js';
import { errorText } from '../../api/errors.js';
import { hasAnyRole, useCurrentUser } from '../../layout/current-user.js';
import { PageTitle } from '../../layout/PageTitle.js';
import { ImportErrors, ImportRows } from './ImportReport.js';
import { uploadLedger, type ImportOutcome } from './upload.js';

/** The server's own limit; checked here too so a large file is refused before it is sent. */
const MAX_BYTES = 10 * 1024 * 1024;

/** 台账: the .xlsx template, the import with its row-by-row error report, and the export of every item. */
export default function LedgerPage() {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const compact = Grid.useBreakpoint().md === false;
  // Going straight to 交办 needs the right to approve: the head of the supervision office.
  const mayAssign = hasAnyRole(me, ['supervisor']) && hasAnyRole(me, ['department_head']);
  const [file, setFile] = useState<{ file: File; key: string } | null>(null);
  const [assign, setAssign] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const run = useMutation({
    mutationFn: (dryRun: boolean) => {
      if (!file) throw new Error('no file');
      return uploadLedger(file.file, { dryRun, assign: assign && mayAssign, idempotencyKey: file.key });
    },
    onSuccess: (result) => {
      setOutcome(result);
      if (result.ok && !result.result.dryRun)
        void queryClient.invalidateQueries({ queryKey: ['supervision', 'items'] });
    },
    onError: (error) => void message.error(errorText(error)),
  });

  const download = (path: string, fallback: string) =>
    downloadFile(path, fallback).catch((error: unknown) => void message.error(errorText(error)));
  const imported = outcome?.ok === true && !outcome.result.dryRun;

  return (
    <>
      <PageTitle
        title="督办事项台账"
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void download('/api/ledger/template.xlsx', 'ledger-template.xlsx')}
            >
              下载台账模板
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void download('/api/ledger/export.xlsx', 'ledger.xlsx')}
            >
              导出全部事项
            </Button>
          </>
        }
      />
      <Card size="small" title="导入台账" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">
          {'按模板填写「督办事项」表，每行立项为一个事项。上传后先逐行检查：整个文件没有错误才会导入；' +
            '有错误时列出每处错误所在的行、列和原因，不导入任何事项。'}
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          fileList={file ? [{ uid: file.key, name: file.file.name, status: 'done' }] : []}
          beforeUpload={(chosen) => {
            if (chosen.size > MAX_BYTES) void message.error('文件超过 10 MB，请分成几个文件导入');
            else if (!chosen.name.toLowerCase().endsWith('.xlsx'))
              void message.error('请上传 Excel 工作簿（.xlsx），可先下载台账模板');
            else {
              setFile({ file: chosen, key: newIdempotencyKey() });
              setOutcome(null);
            }
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setOutcome(null);
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖入填好的台账（.xlsx，不超过 10 MB）</p>
        </Upload.Dragger>
        <Flex wrap gap={12} align="center" style={{ marginTop: 12 }}>
          <Button disabled={!file || imported} loading={run.isPending} onClick={() => run.mutate(true)}>
            只检查不导入
          </Button>
          <Button
            type="primary"
            disabled={!file || imported}
            loading={run.isPending}
            onClick={() => run.mutate(false)}
          >
            检查并导入
          </Button>
          {mayAssign && (
            <Checkbox checked={assign} onChange={(e) => setAssign(e.target.checked)}>
              导入后直接提交、审批并交办
            </Checkbox>
          )}
        </Flex>
      </Card>
      {outcome && (
        <Card size="small" title={outcome.ok ? '导入结果' : '错误清单'} data-testid="ledger-outcome">
          {outcome.ok ? (
            <ImportRows result={outcome.result} compact={compact} />
          ) : (
            <ImportErrors refusal={outcome.refusal} compact={compact} />
          )}
        </Card>
      )}
    </>
  );
}
