import { ClockCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import type { TodoItem, TodoSeverity } from '../../api/types.js';
import { useCurrentUser } from '../../layout/current-user.js';

const SEVERITY: Record<TodoSeverity, { color: string; label: string }> = {
  info: { color: 'blue', label: '提示' },
  warning: { color: 'orange', label: '注意' },
  danger: { color: 'red', label: '紧急' },
};

function greeting(hour: number): string {
  if (hour < 6) return '夜深了';
  if (hour < 12) return '上午好';
  if (hour < 14) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

/** Only links inside this app are followed; anything else is shown as text. */
function internalLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

/** A date-only due date (办理时限) is shown without a time. */
function dueText(dueAt: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(dueAt)
    ? dayjs(dueAt).format('YYYY-MM-DD')
    : dayjs(dueAt).format('YYYY-MM-DD HH:mm');
}

function TodoTitle({ item }: { item: TodoItem }) {
  const to = internalLink(item.link);
  return to ? <Link to={to}>{item.title}</Link> : <span>{item.title}</span>;
}

export default function HomePage() {
  const user = useCurrentUser();
  const [now] = useState(() => dayjs());
  const todos = useQuery({
    queryKey: ['home', 'todos'],
    queryFn: () => api<{ items: TodoItem[] }>('/api/home/todos'),
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {greeting(now.hour())}，{user.name}
        </Typography.Title>
        <Typography.Text type="secondary">今天是 {now.format('YYYY年M月D日 dddd')}</Typography.Text>
      </div>
      <Card title="我的待办" loading={todos.isPending}>
        {todos.isError ? (
          <Alert type="error" showIcon title="待办加载失败" description={errorText(todos.error)} />
        ) : (todos.data?.items.length ?? 0) === 0 ? (
          <Empty description="暂无待办" />
        ) : (
          <List
            dataSource={todos.data?.items ?? []}
            rowKey={(item) => `${item.kind}:${item.id}`}
            renderItem={(item) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space wrap size={4}>
                      <Tag color={SEVERITY[item.severity]?.color ?? 'default'}>
                        {SEVERITY[item.severity]?.label ?? '提示'}
                      </Tag>
                      <TodoTitle item={item} />
                    </Space>
                  }
                  description={
                    <Space orientation="vertical" size={2}>
                      {item.detail && <span>{item.detail}</span>}
                      {item.dueAt && (
                        <Typography.Text type={item.severity === 'danger' ? 'danger' : 'secondary'}>
                          <ClockCircleOutlined /> 期限：{dueText(item.dueAt)}
                        </Typography.Text>
                      )}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
