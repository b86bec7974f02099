import { BellFilled, BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Tooltip } from 'antd';
import { api } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import type { Teaser } from './types.js';

interface Subscriptions {
  topics: string[];
  types: string[];
}

/** The same cache entry as the library home's 订阅 control, so both show one state. */
const KEY = ['library', 'subscriptions'];

/** What following this material means: its topics, or its type when it has none. */
const followsOf = (m: Teaser): Subscriptions =>
  m.topics.length > 0 ? { topics: m.topics, types: [] } : { topics: [], types: [m.type] };

/**
 * 订阅 on the reader: follow this material's topics in one click (or stop following them); new materials
 * on them are then announced as the home's 订阅 does. The whole set is saved, as that control saves it.
 */
export function FollowTopics({ material }: { material: Teaser }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const follows = followsOf(material);
  const what = [...follows.topics, ...follows.types].map((t) => `「${t}」`).join('');
  const current = useQuery({
    queryKey: KEY,
    queryFn: () => api<Subscriptions>('/api/library/subscriptions'),
  });
  const mine = current.data;
  const following =
    mine !== undefined &&
    follows.topics.every((t) => mine.topics.includes(t)) &&
    follows.types.every((t) => mine.types.includes(t));
  const save = useMutation({
    mutationFn: (body: Subscriptions) =>
      api<Subscriptions>('/api/library/subscriptions', { method: 'PUT', body }),
    onSuccess: (saved) => {
      client.setQueryData(KEY, saved);
      void message.success(following ? `已取消订阅${what}` : `已订阅${what}，有新资料时将提醒您`);
    },
    onError: (error) => void message.error(errorText(error)),
  });
  const toggle = () => {
    if (!mine) return;
    const next = following
      ? {
          topics: mine.topics.filter((t) => !follows.topics.includes(t)),
          types: mine.types.filter((t) => !follows.types.includes(t)),
        }
      : {
          topics: [...new Set([...mine.topics, ...follows.topics])],
          types: [...new Set([...mine.types, ...follows.types])],
        };
    save.mutate(next);
  };

  return (
    <Tooltip title={following ? `已订阅${what}，点击取消` : `订阅${what}：有新资料发布时提醒`}>
      <Button
        icon={following ? <BellFilled /> : <BellOutlined />}
        type={following ? 'default' : 'primary'}
        ghost={!following}
        loading={save.isPending}
        disabled={!mine}
        onClick={toggle}
        data-testid="library-follow"
      >
        {following ? '已订阅' : '订阅本专题'}
      </Button>
    </Tooltip>
  );
}
