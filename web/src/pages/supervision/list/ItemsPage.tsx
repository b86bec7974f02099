import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Grid, Table } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, withQuery } from '../../../api/client.js';
import { downloadFile } from '../../../api/download.js';
import { errorText } from '../../../api/errors.js';
import { useDepartments } from '../../../api/session.js';
import type { Page } from '../../../api/types.js';
import { hasAnyRole, useCurrentUser } from '../../../layout/current-user.js';
import { PageTitle } from '../../../layout/PageTitle.js';
import { departmentNameMap } from '../../departments/tree.js';
import { usePeople } from '../queries.js';
import type { ItemSummary } from '../types.js';
import { itemColumns } from './columns.js';
import { filterToParams, parseFilter, toApiQuery, viewQuery, type ItemFilter } from './filter.js';
import { ItemFilters } from './ItemFilters.js';
import { SavedViews } from './SavedViews.js';

export default function ItemsPage() {
  const me = useCurrentUser();
  const isSupervisor = hasAnyRole(me, ['supervisor']);
  const seesAll = hasAnyRole(me, ['supervisor', 'leader']);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => parseFilter(params), [params]);
  const isPhone = Grid.useBreakpoint().md === false;
  const { message } = App.useApp();

  const items = useQuery({
    queryKey: ['supervision', 'items', toApiQuery(filter)],
    queryFn: () => api<Page<ItemSummary>>('/api/items', { query: toApiQuery(filter) }),
    placeholderData: keepPreviousData,
  });
  const departments = useDepartments();
  const names = useMemo(() => departmentNameMap(departments.data?.items), [departments.data]);
  const people = usePeople(seesAll);
  const leaders = useMemo(
    () =>
      (people.data ?? [])
        .filter((p) => p.roles.includes('leader'))
        .map((p) => ({ value: p.id, label: p.name })),
    [people.data],
  );

  const change = (next: Partial<ItemFilter>) =>
    setParams(filterToParams({ ...filter, ...next, page: next.page ?? 1 }));
  const columns = itemColumns((id) => names.get(id) ?? `#${id}`, isPhone);
  // The 台账 export takes the list's own filters, so it holds exactly the items the list shows (all pages).
  const exportLedger = () => {
    const { page: _page, pageSize: _size, ...query } = toApiQuery(filter);
    downloadFile(withQuery('/api/ledger/export.xlsx', query), 'ledger.xlsx').catch((error: unknown) =>
      message.error(errorText(error)),
    );
  };

  return (
    <>
      <PageTitle
        title="督办事项"
        extra={
          <>
            <Button icon={<DownloadOutlined />} onClick={exportLedger}>
              导出台账
            </Button>
            {isSupervisor && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => void navigate('/supervision/items/new')}
              >
                立项
              </Button>
            )}
          </>
        }
      />
      <ItemFilters filter={filter} onChange={change} leaders={seesAll ? leaders : undefined} />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <SavedViews
          userId={me.id}
          current={viewQuery(filter)}
          onOpen={(query) => setParams(new URLSearchParams(query))}
        />
        {viewQuery(filter) && (
          <Button type="link" onClick={() => setParams(new URLSearchParams())}>
            清除筛选
          </Button>
        )}
      </Flex>
      {items.isError && (
        <Alert type="error" showIcon title={errorText(items.error)} style={{ marginBottom: 16 }} />
      )}
      <Table<ItemSummary>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        columns={columns}
        dataSource={items.data?.items ?? []}
        loading={items.isFetching}
        scroll={isPhone ? undefined : { x: 'max-content' }}
        locale={{ emptyText: '没有符合条件的督办事项' }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: items.data?.total ?? 0,
          showSizeChanger: !isPhone,
          showTotal: (total) => `共 ${total} 项`,
          onChange: (page, pageSize) => change({ page: pageSize === filter.pageSize ? page : 1, pageSize }),
        }}
      />
    </>
  );
}
