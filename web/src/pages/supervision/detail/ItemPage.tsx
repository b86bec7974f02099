import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Result, Row, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../api/client.js';
import { errorText } from '../../../api/errors.js';
import { useCurrentUser } from '../../../layout/current-user.js';
import { PageLoading } from '../../../layout/PageLoading.js';
import { LightTag } from '../LightTag.js';
import { StatusTag } from '../list/columns.js';
import { useIdempotency, useItem } from '../queries.js';
import type { ItemSummary } from '../types.js';
import { AttachmentsCard } from '../attachments/AttachmentsCard.js';
import { AssignmentCard } from './AssignmentCard.js';
import { AssignModal } from './AssignModal.js';
import { ItemActionsBar } from './ItemActionsBar.js';
import { ItemHeader } from './ItemHeader.js';
import { ItemTimeline } from './ItemTimeline.js';
import { itemActionsFor } from './permissions.js';
import { PromptModal, type Prompt } from './PromptModal.js';
import { useItemAction } from './useItemAction.js';

function Children({ items }: { items: ItemSummary[] }) {
  return (
    <Card size="small" title="分解的子事项" style={{ marginBottom: 16 }}>
      <Table<ItemSummary>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        columns={[
          {
            title: '子事项',
            key: 'title',
            render: (_, c) => <Link to={`/supervision/items/${c.id}`}>{`${c.number} ${c.title}`}</Link>,
          },
          { title: '状态', key: 'status', render: (_, c) => <StatusTag status={c.status} /> },
          { title: '灯', key: 'light', render: (_, c) => <LightTag light={c.light} /> },
        ]}
      />
    </Card>
  );
}

/** A new item (a sub-item, the parent) starts with fresh dialogs and warnings. */
export default function ItemRoute() {
  const id = Number(useParams().id);
  return <ItemPage key={id} id={id} />;
}

function ItemPage({ id }: { id: number }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const item = useItem(id);
  const parent = useItem(item.data?.parentId ?? 0);
  const { run, busy } = useItemAction(id);
  const { keyFor, done } = useIdempotency();
  const [prompt, setPrompt] = useState<Prompt | null>(null);
  const [assigning, setAssigning] = useState(false);
  const [warnings, setWarnings] = useState<string[]>([]);

  if (!Number.isInteger(id) || id <= 0 || (item.error instanceof ApiError && item.error.status === 404))
    return (
      <Result
        status="404"
        title="督办事项不存在或无权查看"
        extra={<Button onClick={() => void navigate('/supervision/items')}>返回事项列表</Button>}
      />
    );
  if (item.isPending) return <PageLoading />;
  if (item.isError)
    return (
      <Result
        status="warning"
        title="加载失败"
        subTitle={errorText(item.error)}
        extra={<Button onClick={() => void item.refetch()}>重试</Button>}
      />
    );

  const data = item.data;
  const can = itemActionsFor(user, data);
  const lead = [...data.assignments].sort((a, b) => (a.role === 'lead' ? -1 : b.role === 'lead' ? 1 : 0));
  const parentLink =
    data.parentId === null
      ? undefined
      : {
          id: data.parentId,
          label: parent.data ? `${parent.data.number} ${parent.data.title}` : `#${data.parentId}`,
        };

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => void navigate('/supervision/items')}
        >
          事项列表
        </Button>
        <Button
          icon={<ReloadOutlined />}
          loading={item.isFetching}
          onClick={() => void item.refetch()}
          aria-label="刷新"
        >
          刷新
        </Button>
      </Flex>
      <ItemHeader item={data} parent={parentLink} />
      <ItemActionsBar
        item={data}
        can={can}
        run={run}
        busy={busy}
        ask={setPrompt}
        onAssign={() => setAssigning(true)}
      />
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="交办提示"
          description={warnings.join('；')}
          closable={{ onClose: () => setWarnings([]) }}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          {lead.length === 0 ? (
            <Card size="small" title="承办部门" style={{ marginBottom: 16 }}>
              <Empty description={data.status === 'approved' ? '已审批，待交办' : '尚未交办'} />
            </Card>
          ) : (
            lead.map((a) => (
              <AssignmentCard
                key={a.id}
                item={data}
                a={a}
                run={run}
                busy={busy}
                ask={setPrompt}
                keyFor={keyFor}
                done={done}
              />
            ))
          )}
          {data.children.length > 0 && <Children items={data.children} />}
          <AttachmentsCard item={data} />
        </Col>
        <Col xs={24} xl={9}>
          <ItemTimeline item={data} />
        </Col>
      </Row>
      <PromptModal prompt={prompt} onClose={() => setPrompt(null)} />
      <AssignModal
        item={data}
        open={assigning}
        run={run}
        onClose={() => setAssigning(false)}
        onWarnings={setWarnings}
      />
    </>
  );
}
