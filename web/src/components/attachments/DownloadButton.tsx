import { DownloadOutlined, LockOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../api/download.js';
import { errorText } from '../../api/errors.js';

/** Downloads through fetch, so a refusal (no access) shows the server's message instead of a saved error. */
export function DownloadButton({
  name,
  path,
  locked = false,
}: {
  name: string;
  path: string;
  locked?: boolean;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(path, name);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      type="link"
      size="small"
      loading={busy}
      icon={locked ? <LockOutlined /> : <DownloadOutlined />}
      aria-label={`下载 ${name}`}
      onClick={() => void download()}
    >
      下载
    </Button>
  );
}
