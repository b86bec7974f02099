import { PaperClipOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { formatSize } from '../../../api/upload.js';
import { DownloadButton } from '../../../components/attachments/DownloadButton.js';
import { downloadPath, useMaterialAttachments } from './api.js';

/** The material's files under its text: names and sizes for every reader, downloads where access allows. */
export function ReaderAttachments({ materialId }: { materialId: number }) {
  const list = useMaterialAttachments(materialId);
  const items = list.data?.attachments ?? [];
  if (items.length === 0) return null;
  const locked = items.some((a) => a.locked);
  return (
    <section className="library-attachments library-no-print" data-testid="library-attachments">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <PaperClipOutlined /> 附件（{items.length}）
      </Typography.Title>
      {locked && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          开通会员后方可下载附件。
        </Typography.Text>
      )}
      <Flex vertical gap={2}>
        {items.map((a) => (
          <Flex key={a.id} align="center" justify="space-between" gap={8} wrap={false}>
            <Typography.Text style={{ wordBreak: 'break-all', minWidth: 0 }}>
              {a.name}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                {formatSize(a.size)}
              </Typography.Text>
            </Typography.Text>
            <DownloadButton name={a.name} path={downloadPath(a)} locked={a.locked} />
          </Flex>
        ))}
      </Flex>
    </section>
  );
}
