import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  EditOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  InboxOutlined,
} from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Popconfirm, Result, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import { hasAnyRole, useCurrentUser } from '../../layout/current-user.js';
import { PageLoading } from '../../layout/PageLoading.js';
import { SOURCE_TYPES, labelOf } from '../supervision/labels.js';
import { CircularDocument } from './CircularDocument.js';
import { CoveringTextEditor, paragraphsOf, toDraft, type DraftText } from './CoveringTextEditor.js';
import { CIRCULAR_STATUSES, CIRCULAR_STATUS_COLORS } from './labels.js';
import { useCircular, useCircularChange, useDownload } from './queries.js';
import type { CircularDetail } from './types.js';

const at = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** A new circular starts with a fresh editor. */
export default function CircularRoute() {
  const id = Number(useParams().id);
  return <CircularPage key={id} id={id} />;
}

function CircularPage({ id }: { id: number }) {
  const navigate = useNavigate();
  const me = useCurrentUser();
  const circular = useCircular(id);
  const { run, busy } = useCircularChange(id);
  const { download, busy: downloading } = useDownload();
  const [draft, setDraft] = useState<DraftText | null>(null);
  const [conflict, setConflict] = useState(false);

  const back = () => void navigate('/circulars');
  if (
    !Number.isInteger(id) ||
    id <= 0 ||
    (circular.error instanceof ApiError && circular.error.status === 404)
  )
    return (
      <Result
        status="404"
        title="通报不存在或无权查看"
        extra={<Button onClick={back}>返回通报列表</Button>}
      />
    );
  if (circular.isPending) return <PageLoading />;
  if (circular.isError)
    return (
      <Result
        status="warning"
        title="加载失败"
        subTitle={errorText(circular.error)}
        extra={<Button onClick={() => void circular.refetch()}>重试</Button>}
      />
    );

  const c = circular.data;
  const manages = hasAnyRole(me, ['supervisor']);
  const move = (path: 'publish' | 'archive', success: string) =>
    void run(path, success, () =>
      api<CircularDetail>(`/api/circulars/${id}/${path}`, { method: 'POST', body: { version: c.version } }),
    );

  const save = async () => {
    if (!draft) return;
    const outcome = await run('save', '已保存', () =>
      api<CircularDetail>(`/api/circulars/${id}`, {
        method: 'PATCH',
        body: {
          version: c.version,
          title: draft.title,
          organName: draft.organName,
          docNumber: draft.docNumber?.trim() || null,
          recipients: draft.recipients,
          lead: paragraphsOf(draft.lead),
          closing: paragraphsOf(draft.closing),
          issuer: draft.issuer,
          issuedOn: draft.issuedOn,
          printedBy: draft.printedBy,
          printedOn: draft.printedOn,
        },
      }),
    );
    setConflict(outcome === 'stale');
    if (outcome === 'done') setDraft(null);
  };
  const reload = async () => {
    const latest = await circular.refetch();
    if (latest.data) setDraft(toDraft(latest.data.text));
    setConflict(false);
  };
  // While editing, the preview shows the text being written.
  const shown: CircularDetail = draft
    ? { ...c, text: { ...draft, lead: paragraphsOf(draft.lead), closing: paragraphsOf(draft.closing) } }
    : c;

  return (
    <>
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={back}>
        通报列表
      </Button>
      <Flex justify="space-between" align="start" wrap gap={8} style={{ margin: '8px 0 12px' }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {c.title}
          </Typography.Title>
          <Flex wrap gap={4} style={{ marginTop: 6 }} data-testid="circular-tags">
            <Tag color={CIRCULAR_STATUS_COLORS[c.status]}>{CIRCULAR_STATUSES[c.status]}</Tag>
            <Tag>{c.kindLabel}通报</Tag>
            <Tag>{c.periodLabel}</Tag>
          </Flex>
        </div>
        <Flex wrap gap={8}>
          {manages && c.status === 'draft' && !draft && (
            <Button
              icon={<EditOutlined />}
              onClick={() => {
                setDraft(toDraft(c.text));
                setConflict(false);
              }}
            >
              修改文字
            </Button>
          )}
          {manages && c.status === 'draft' && !draft && (
            <Popconfirm
              title="印发通报"
              description="印发后范围内的部门即可查看，文字不能再修改。"
              okText="印发"
              cancelText="取消"
              onConfirm={() => move('publish', '已印发')}
            >
              <Button type="primary" icon={<CheckCircleOutlined />} loading={busy === 'publish'}>
                印发
              </Button>
            </Popconfirm>
          )}
          {manages && c.status === 'published' && (
            <Popconfirm
              title="归档通报"
              okText="归档"
              cancelText="取消"
              onConfirm={() => move('archive', '已归档')}
            >
              <Button icon={<InboxOutlined />} loading={busy === 'archive'}>
                归档
              </Button>
            </Popconfirm>
          )}
          <Button
            icon={<FileWordOutlined />}
            loading={downloading === `/api/circulars/${id}/export.docx`}
            onClick={() => void download(`/api/circulars/${id}/export.docx`, `${c.title}.docx`)}
          >
            下载公文
          </Button>
          <Button
            icon={<FileExcelOutlined />}
            loading={downloading === `/api/circulars/${id}/export.xlsx`}
            onClick={() => void download(`/api/circulars/${id}/export.xlsx`, `${c.title}.xlsx`)}
          >
            下载统计表
          </Button>
        </Flex>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'period', label: '统计期间', children: `${c.periodStart} 至 ${c.periodEnd}` },
          { key: 'cutoff', label: '统计截至', children: c.stats.period.cutoff },
          {
            key: 'scope',
            label: '范围',
            children: `${c.scopeAll ? '全部部门' : `${c.departmentIds.length} 个部门`}${
              c.sourceType ? ` · ${labelOf(SOURCE_TYPES, c.sourceType)}` : ''
            }`,
          },
          {
            key: 'state',
            label: c.status === 'draft' ? '生成时间' : c.status === 'published' ? '印发时间' : '归档时间',
            children: at(
              c.status === 'draft' ? c.generatedAt : c.status === 'published' ? c.publishedAt : c.archivedAt,
            ),
          },
        ]}
      />
      {c.status === 'draft' && !manages && (
        <Alert type="info" showIcon title="草稿尚未印发，部门看不到" style={{ marginBottom: 16 }} />
      )}
      {draft && (
        <CoveringTextEditor
          draft={draft}
          onChange={setDraft}
          onSave={() => void save()}
          onCancel={() => {
            setDraft(null);
            setConflict(false);
          }}
          saving={busy === 'save'}
          conflict={conflict}
          onReload={() => void reload()}
        />
      )}
      <CircularDocument circular={shown} />
    </>
  );
}
