import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.js';
import type { Page } from '../../../api/types.js';
import { useItem } from '../queries.js';
import type { ItemSummary } from '../types.js';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
}

/** 任务分解: pick the parent item by number or title, searched on the server. */
export function ParentSelect({ value, onChange }: Props) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['supervision', 'parent-search', q],
    queryFn: () => api<Page<ItemSummary>>('/api/items', { query: { q, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
  const chosen = useItem(value ?? 0);
  const options = (found.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.number} ${i.title}` }));
  if (chosen.data && !options.some((o) => o.value === chosen.data.id))
    options.unshift({ value: chosen.data.id, label: `${chosen.data.number} ${chosen.data.title}` });
  return (
    <Select<number>
      allowClear
      placeholder="不分解（独立事项）"
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={found.isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      notFoundContent={found.isFetching ? '正在查找…' : '没有找到事项'}
      style={{ width: '100%' }}
    />
  );
}
