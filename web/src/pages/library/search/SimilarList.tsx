import { LockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../../api/client.js';
import { errorText } from '../../../api/errors.js';
import { formatDate } from '../labels.js';
import type { SimilarItem } from './types.js';

/** Materials like this one (by keywords): titles only, a lock on those the reader cannot open. */
export function SimilarList({ materialId }: { materialId: number }) {
  const similar = useQuery({
    queryKey: ['library', 'similar', materialId],
    queryFn: () => api<{ items: SimilarItem[] }>(`/api/library/materials/${materialId}/similar`),
  });
  if (similar.isLoading) return <Spin size="small" />;
  if (similar.isError) return <Alert type="error" showIcon title={errorText(similar.error)} />;
  const items = similar.data?.items ?? [];
  if (items.length === 0) return <Typography.Text type="secondary">暂无相似资料</Typography.Text>;
  return (
    <Flex vertical gap={4} data-testid="library-similar">
      {items.map((s) => (
        <Flex key={s.materialId} gap={8} wrap justify="space-between">
          <Link to={`/library/materials/${s.materialId}`}>
            {s.locked && <LockOutlined style={{ marginRight: 4 }} aria-label="需开通会员" />}
            {s.title}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.type} · {formatDate(s.publishedAt)}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
