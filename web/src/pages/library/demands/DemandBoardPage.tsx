import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Flex, Pagination, Segmented, Spin } from 'antd';
import { useState } from 'react';
import {
  DEMAND_SORTS,
  DEMAND_STATUSES,
  type DemandSort,
  type DemandStatus,
} from '../../../../../shared/src/library-demands.js';
import { api } from '../../../api/client.js';
import { errorText } from '../../../api/errors.js';
import { useSession } from '../../../api/session.js';
import { PageTitle } from '../../../layout/PageTitle.js';
import { DecideModal, type Decision } from './DecideModal.js';
import { DemandItem } from './DemandItem.js';
import { PostDemandModal } from './PostDemandModal.js';
import type { Demand, DemandPage } from './types.js';

const PAGE_SIZE = 20;

/** 需求征集: ask for materials, vote for others' requests; editors answer with a material or close. */
export default function DemandBoardPage() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const editor = useSession().data?.user?.roles.includes('editor') ?? false;
  const [status, setStatus] = useState<DemandStatus | 'all'>('all');
  const [sort, setSort] = useState<DemandSort>('votes');
  const [page, setPage] = useState(1);
  const [posting, setPosting] = useState(false);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const query = { status: status === 'all' ? undefined : status, sort, page, pageSize: PAGE_SIZE };
  const board = useQuery({
    queryKey: ['library', 'demands', query],
    queryFn: () => api<DemandPage>('/api/library/demands', { query }),
    placeholderData: keepPreviousData,
  });
  const reload = () => client.invalidateQueries({ queryKey: ['library', 'demands'] });

  const run = async (id: number, success: string, call: () => Promise<unknown>) => {
    setBusy(id);
    try {
      await call();
      void message.success(success);
      return true;
    } catch (error) {
      void message.error(errorText(error));
      return false;
    } finally {
      setBusy(null);
      await reload();
    }
  };
  const vote = (d: Demand) =>
    void run(d.id, d.votedByMe ? '已撤回投票' : '已投票', () =>
      api(`/api/library/demands/${d.id}/vote`, { method: d.votedByMe ? 'DELETE' : 'POST' }),
    );
  const decide = async (body: { materialId?: number; note?: string; reason?: string }) => {
    if (!decision) return;
    const { kind, demand } = decision;
    const done = await run(demand.id, kind === 'answer' ? '已回应，已通知提出人和投票人' : '需求已关闭', () =>
      api(`/api/library/demands/${demand.id}/${kind}`, {
        method: 'POST',
        body: { version: demand.version, ...body },
      }),
    );
    if (done) setDecision(null);
  };

  return (
    <>
      <PageTitle
        title="需求征集"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPosting(true)}>
            提出需求
          </Button>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Segmented
          aria-label="状态"
          value={status}
          onChange={(v) => {
            setStatus(v as DemandStatus | 'all');
            setPage(1);
          }}
          options={[
            { value: 'all', label: '全部' },
            ...Object.entries(DEMAND_STATUSES).map(([value, label]) => ({ value, label })),
          ]}
        />
        <Segmented
          aria-label="排序"
          value={sort}
          onChange={(v) => setSort(v as DemandSort)}
          options={Object.entries(DEMAND_SORTS).map(([value, label]) => ({ value, label }))}
        />
      </Flex>
      {board.isError && (
        <Alert type="error" showIcon title={errorText(board.error)} style={{ marginBottom: 16 }} />
      )}
      <Spin spinning={board.isFetching && !board.isLoading}>
        <Flex vertical gap={12}>
          {board.data?.items.map((d) => (
            <DemandItem
              key={d.id}
              demand={d}
              editor={editor}
              busy={busy === d.id}
              onVote={vote}
              onDecide={setDecision}
            />
          ))}
          {board.data?.items.length === 0 && (
            <Empty description={status === 'all' ? '还没有需求，欢迎提出' : '没有此状态的需求'} />
          )}
        </Flex>
      </Spin>
      {(board.data?.total ?? 0) > PAGE_SIZE && (
        <Pagination
          style={{ marginTop: 16 }}
          current={page}
          pageSize={PAGE_SIZE}
          total={board.data?.total ?? 0}
          onChange={setPage}
          showSizeChanger={false}
        />
      )}
      <PostDemandModal
        open={posting}
        onClose={(posted) => {
          setPosting(false);
          if (posted) {
            void message.success('需求已提交');
            void reload();
          }
        }}
      />
      <DecideModal
        decision={decision}
        busy={busy !== null}
        onSubmit={(body) => void decide(body)}
        onCancel={() => setDecision(null)}
      />
    </>
  );
}
