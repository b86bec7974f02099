import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Flex, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { MATERIAL_TYPES, SUGGESTED_TOPICS } from '../../../../../shared/src/library.js';
import { api } from '../../../api/client.js';
import { errorText } from '../../../api/errors.js';

interface Subscriptions {
  topics: string[];
  types: string[];
}

interface StreamEvent {
  id: number;
  title: string;
  link: string | null;
  kind: string;
}

const KEY = ['library', 'subscriptions'];

/** Publish notices arrive over the notify stream while the library is open; each offers the reader. */
function useLiveNotices() {
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  useEffect(() => {
    const source = new EventSource('/api/notify/stream');
    source.addEventListener('notification', (e: MessageEvent<string>) => {
      const event = JSON.parse(e.data) as StreamEvent;
      if (event.kind !== 'library.published' || !event.link) return;
      const link = event.link;
      // The home's lists then show the new material without a reload.
      void client.invalidateQueries({ queryKey: ['library', 'list'] });
      notification.info({
        key: `library-${event.id}`,
        title: '资料库有新资料',
        description: (
          <Flex vertical gap={8} data-testid="library-push-notice">
            <Typography.Text>{event.title}</Typography.Text>
            <Button
              type="primary"
              size="small"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => {
                notification.destroy(`library-${event.id}`);
                void navigate(link);
              }}
            >
              立即阅读
            </Button>
          </Flex>
        ),
        duration: 0,
      });
    });
    return () => source.close();
  }, [notification, navigate, client]);
}

/** 订阅: follow topics and types; a new material one may open is then announced (here, and by e-mail per 通知设置). */
export function LibraryPush() {
  useLiveNotices();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Subscriptions>({ topics: [], types: [] });
  const current = useQuery({
    queryKey: KEY,
    queryFn: () => api<Subscriptions>('/api/library/subscriptions'),
  });
  const save = useMutation({
    mutationFn: (body: Subscriptions) =>
      api<Subscriptions>('/api/library/subscriptions', { method: 'PUT', body }),
    onSuccess: (saved) => {
      client.setQueryData(KEY, saved);
      setOpen(false);
    },
  });
  const count = (current.data?.topics.length ?? 0) + (current.data?.types.length ?? 0);
  const topics = [...new Set([...SUGGESTED_TOPICS, ...(current.data?.topics ?? [])])];

  return (
    <>
      <Button
        icon={<BellOutlined />}
        onClick={() => {
          setDraft(current.data ?? { topics: [], types: [] });
          save.reset();
          setOpen(true);
        }}
      >
        {count > 0 ? `订阅（${count}）` : '订阅'}
      </Button>
      <Modal
        title="订阅资料推送"
        open={open}
        okText="保存"
        cancelText="取消"
        confirmLoading={save.isPending}
        onOk={() => save.mutate(draft)}
        onCancel={() => setOpen(false)}
      >
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            关注的专题或文种有新资料发布、且您有权阅读时，将实时提醒，并按“通知设置”发送邮件等消息（只含标题和链接）。
          </Typography.Text>
          <Typography.Text strong>专题</Typography.Text>
          <Checkbox.Group
            aria-label="订阅专题"
            value={draft.topics}
            options={topics.map((t) => ({ value: t, label: t }))}
            onChange={(v) => setDraft({ ...draft, topics: v })}
          />
          <Typography.Text strong>文种</Typography.Text>
          <Checkbox.Group
            aria-label="订阅文种"
            value={draft.types}
            options={MATERIAL_TYPES.map((t) => ({ value: t, label: t }))}
            onChange={(v) => setDraft({ ...draft, types: v })}
          />
          {save.isError && <Alert type="error" showIcon title={errorText(save.error)} />}
        </Flex>
      </Modal>
    </>
  );
}
