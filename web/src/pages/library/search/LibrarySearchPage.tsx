import { LockOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  DatePicker,
  Empty,
  Flex,
  Grid,
  Input,
  List,
  Pagination,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LIBRARY_TIERS, MATERIAL_TYPES, SUGGESTED_TOPICS } from '../../../../../shared/src/library.js';
import { api } from '../../../api/client.js';
import { errorText } from '../../../api/errors.js';
import { PageTitle } from '../../../layout/PageTitle.js';
import { formatDate } from '../labels.js';
import { Marked } from './Marked.js';
import { SimilarList } from './SimilarList.js';
import type { SearchHit, SearchPage } from './types.js';
import './search.css';

const FILTERS = ['type', 'topic', 'tier', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];

function Hit({ hit }: { hit: SearchHit }) {
  const [similar, setSimilar] = useState(false);
  return (
    <Flex vertical gap={6} style={{ width: '100%', minWidth: 0 }} data-testid="library-search-hit">
      <Link to={`/library/materials/${hit.materialId}`} className="library-search-title">
        {hit.locked && <LockOutlined style={{ marginRight: 6 }} aria-label="需开通会员" />}
        <Marked text={hit.title} marks={hit.titleMarks} />
      </Link>
      {hit.snippet ? (
        <Typography.Paragraph className="library-search-snippet" data-testid="library-search-snippet">
          {hit.snippet.cutBefore && '…'}
          <Marked text={hit.snippet.text} marks={hit.snippet.marks} />
          {hit.snippet.cutAfter && '…'}
        </Typography.Paragraph>
      ) : (
        hit.locked && (
          <Typography.Text type="secondary" data-testid="library-search-locked">
            会员资料：开通会员权益后可阅读正文
          </Typography.Text>
        )
      )}
      <Flex wrap gap={6} align="center">
        <Space size={4} wrap>
          <Tag color="blue">{hit.type}</Tag>
          {hit.topics.map((t) => (
            <Tag key={t}>{t}</Tag>
          ))}
          {hit.tier === 'member' ? <Tag color="gold">会员</Tag> : <Tag color="green">免费</Tag>}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDate(hit.publishedAt)} 发布
        </Typography.Text>
        <Button type="link" size="small" onClick={() => setSimilar(!similar)} aria-expanded={similar}>
          {similar ? '收起相似资料' : '相似资料'}
        </Button>
      </Flex>
      {similar && (
        <div className="library-search-similar">
          <SimilarList materialId={hit.materialId} />
        </div>
      )}
    </Flex>
  );
}

/** 资料检索: full-text search over titles, bodies and notes, with filters and highlighted snippets. */
export default function LibrarySearchPage() {
  const isPhone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? undefined])) as Record<
    Filter,
    string | undefined
  >;
  const query = { q, ...filters, page };
  const search = useQuery({
    queryKey: ['library', 'search', query],
    queryFn: () => api<SearchPage>('/api/library/search', { query }),
    enabled: q.trim() !== '',
    placeholderData: keepPreviousData,
  });
  const change = (next: Partial<Record<Filter | 'q', string | undefined>> & { page?: number }) => {
    const merged: Record<string, string | number | undefined> = { q, ...filters, page: 1, ...next };
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(merged))
      if (v !== undefined && v !== '' && v !== 1) out.set(k, String(v));
    setParams(out);
  };
  const data = search.data;
  const selectWidth = isPhone ? '100%' : 160;

  return (
    <>
      <PageTitle title="资料检索" />
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="检索词"
          placeholder="输入检索词，多个词用空格分开"
          enterButton="检索"
          size="large"
          allowClear
          maxLength={100}
          // Keyed by the query in the address: going back shows that query in the box again.
          key={q}
          defaultValue={q}
          onSearch={(v) => change({ q: v.trim() })}
        />
        <Flex wrap gap={8}>
          <Select
            aria-label="文种"
            allowClear
            placeholder="全部文种"
            style={{ width: selectWidth }}
            value={filters.type}
            options={MATERIAL_TYPES.map((t) => ({ value: t, label: t }))}
            onChange={(v?: string) => change({ type: v })}
          />
          <Select
            aria-label="专题"
            allowClear
            placeholder="全部专题"
            style={{ width: selectWidth }}
            value={filters.topic}
            options={SUGGESTED_TOPICS.map((t) => ({ value: t, label: t }))}
            onChange={(v?: string) => change({ topic: v })}
          />
          <Select
            aria-label="等级"
            allowClear
            placeholder="全部等级"
            style={{ width: selectWidth }}
            value={filters.tier}
            options={Object.entries(LIBRARY_TIERS).map(([value, label]) => ({ value, label }))}
            onChange={(v?: string) => change({ tier: v })}
          />
          <DatePicker.RangePicker
            aria-label="发布日期"
            style={{ width: isPhone ? '100%' : 280 }}
            placeholder={['发布日期起', '发布日期止']}
            allowEmpty={[true, true]}
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            onChange={(range) =>
              change({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
          />
        </Flex>
      </Flex>
      {search.isError && <Alert type="error" showIcon title={errorText(search.error)} />}
      {q.trim() === '' ? (
        <Empty description="输入检索词查找资料：标题、正文和导读中含有该词的资料都会列出" />
      ) : (
        <>
          {data && (
            <Typography.Paragraph type="secondary" data-testid="library-search-summary">
              找到{data.approximate && !data.more ? '约' : ''} {data.total.toLocaleString('zh-CN')} 篇
              {data.more ? '以上' : ''}
              {data.ranked < data.total
                ? `，按相关度列出前 ${data.ranked} 篇，可加筛选条件缩小范围`
                : '，按相关度排列'}
            </Typography.Paragraph>
          )}
          <List
            loading={search.isLoading}
            dataSource={data?.results ?? []}
            locale={{ emptyText: <Empty description="没有找到含有该检索词的资料" /> }}
            renderItem={(hit) => (
              <List.Item key={hit.materialId}>
                <Hit hit={hit} />
              </List.Item>
            )}
          />
          {data && data.ranked > data.pageSize && (
            <Flex justify="center" style={{ marginTop: 12 }}>
              <Pagination
                current={page}
                pageSize={data.pageSize}
                total={data.ranked}
                showSizeChanger={false}
                onChange={(p) => change({ page: p })}
              />
            </Flex>
          )}
        </>
      )}
    </>
  );
}
