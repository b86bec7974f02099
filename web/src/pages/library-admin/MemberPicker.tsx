import type { CSSProperties } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import type { Page } from '../../api/types.js';
import dayjs from 'dayjs';

interface Member {
  id: number;
  login: string;
  name: string;
  active: boolean;
  tier: 'free' | 'member';
  runEnd: string | null;
}

const PAGE_SIZE = 20;

const labelOf = (m: Member) =>
  `${m.name}（${m.login}）${m.tier === 'member' ? ` · 会员至 ${dayjs(m.runEnd).format('YYYY-MM-DD')}` : ''}${m.active ? '' : ' · 已停用'}`;

/** The typed text, once the typing pauses: one request per pause, not per key. */
function useSettled(text: string, ms = 300): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

export interface MemberPickerProps {
  value?: number | undefined;
  onChange?: (id: number | undefined) => void;
  placeholder: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
}

/**
 * 会员 by login or name, searched on the server a page at a time (there may be many thousands); the
 * chosen member keeps their label while other searches come and go.
 */
export function MemberPicker({
  value,
  onChange,
  placeholder,
  allowClear,
  style,
  ...rest
}: MemberPickerProps) {
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Member | null>(null);
  const q = useSettled(text.trim());
  const found = useQuery({
    queryKey: ['library', 'members', q],
    queryFn: () =>
      api<Page<Member>>('/api/library/members', { query: { q: q || undefined, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const items = found.data?.items ?? [];
  const kept = chosen && chosen.id === value && !items.some((m) => m.id === value) ? [chosen] : [];
  const options = [...kept, ...items].map((m) => ({ value: m.id, label: labelOf(m), member: m }));
  const more = (found.data?.total ?? 0) - items.length;

  return (
    <Select
      {...rest}
      showSearch
      allowClear={allowClear}
      filterOption={false}
      placeholder={placeholder}
      style={style}
      value={value}
      options={options}
      searchValue={text}
      onSearch={setText}
      notFoundContent={found.isFetching ? <Spin size="small" /> : '没有符合的会员'}
      onChange={(id?: number) => {
        setChosen(options.find((o) => o.value === id)?.member ?? null);
        setText('');
        onChange?.(id);
      }}
      popupRender={(menu) => (
        <>
          {menu}
          {more > 0 && (
            <div style={{ padding: '4px 12px', color: '#888', fontSize: 12 }}>
              另有 {more} 位会员，请输入登录名或姓名缩小范围
            </div>
          )}
        </>
      )}
    />
  );
}
