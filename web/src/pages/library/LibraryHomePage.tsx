import { LockOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Grid, List, Pagination, Select, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { MATERIAL_TYPES, SUGGESTED_TOPICS } from '../../../../shared/src/library.js';
import { api } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import type { Page } from '../../api/types.js';
import { PageTitle } from '../../layout/PageTitle.js';
import { formatDate } from './labels.js';
import { LibraryPush } from './push/LibraryPush.js';
import type { Teaser } from './types.js';

const PAGE_SIZE = 12;

/** One material in a list: what anyone may see, with a lock on what this reader cannot open yet. */
export function TeaserCard({ m }: { m: Teaser }) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid="library-teaser">
      <Flex vertical gap={6}>
        <Link to={`/library/materials/${m.id}`} style={{ fontSize: 16, fontWeight: 600 }}>
          {m.locked && <LockOutlined style={{ marginRight: 6 }} aria-label="需开通会员" />}
          {m.title}
        </Link>
        <Space size={4} wrap>
          <Tag color="blue">{m.type}</Tag>
          {m.topics.map((t) => (
            <Tag key={t}>{t}</Tag>
          ))}
          {m.tier === 'member' ? <Tag color="gold">会员</Tag> : <Tag color="green">免费</Tag>}
        </Space>
        {m.note && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
            导读：{m.note}
          </Typography.Paragraph>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDate(m.publishedAt)} 发布
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** 资料库 home: the latest published materials, narrowed by topic (campaign) and type. */
export default function LibraryHomePage() {
  const isPhone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const topic = params.get('topic') ?? undefined;
  const typeParam = params.get('type');
  const type = MATERIAL_TYPES.find((t) => t === typeParam);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = { topic, type, page, pageSize: PAGE_SIZE };
  const list = useQuery({
    queryKey: ['library', 'list', query],
    queryFn: () => api<Page<Teaser>>('/api/library/materials', { query }),
    placeholderData: keepPreviousData,
  });
  const change = (next: { topic?: string | undefined; type?: string | undefined; page?: number }) => {
    const merged = { topic, type, ...next };
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== 1) out.set(k, String(v));
    setParams(out);
  };

  return (
    <>
      <PageTitle title="资料库" extra={<LibraryPush />} />
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        <Flex wrap gap={6} align="center" role="group" aria-label="专题">
          <Typography.Text type="secondary">专题：</Typography.Text>
          <Tag.CheckableTag checked={!topic} onChange={() => change({ topic: undefined, page: 1 })}>
            全部
          </Tag.CheckableTag>
          {SUGGESTED_TOPICS.map((t) => (
            <Tag.CheckableTag key={t} checked={topic === t} onChange={() => change({ topic: t, page: 1 })}>
              {t}
            </Tag.CheckableTag>
          ))}
        </Flex>
        <Select
          aria-label="文种"
          allowClear
          placeholder="全部文种"
          style={{ width: isPhone ? '100%' : 200 }}
          value={type}
          options={MATERIAL_TYPES.map((t) => ({ value: t, label: t }))}
          onChange={(v?: string) => change({ type: v, page: 1 })}
        />
      </Flex>
      {list.isError && <Alert type="error" showIcon title={errorText(list.error)} />}
      <List
        grid={{ gutter: 12, xs: 1, sm: 1, md: 2, xl: 3 }}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: <Empty description={topic || type ? '没有符合条件的资料' : '还没有发布的资料'} />,
        }}
        renderItem={(m) => (
          <List.Item>
            <TeaserCard m={m} />
          </List.Item>
        )}
      />
      {(list.data?.total ?? 0) > PAGE_SIZE && (
        <Flex justify="center">
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={list.data?.total ?? 0}
            showSizeChanger={false}
            onChange={(p) => change({ page: p })}
          />
        </Flex>
      )}
    </>
  );
}
