import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Spin } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, newIdempotencyKey } from '../../api/client.js';
import { PageTitle } from '../../layout/PageTitle.js';
import { EditorAttachments } from './attachments/EditorAttachments.js';
import { PublishBar, VersionsCard } from './EditorActions.js';
import { fromMarkup, toMarkup } from './markup.js';
import { MaterialForm, type DraftFields } from './MaterialForm.js';
import { useEditorMaterial, useMaterialChange } from './queries.js';
import type { EditorDetail, MaterialFields } from './types.js';

const EMPTY: DraftFields = {
  title: '',
  type: '讲话',
  topics: [],
  occasion: '',
  tier: 'free',
  text: '',
  note: '',
  keyPoints: '',
};

const draftOf = (m: EditorDetail): DraftFields => ({
  title: m.title,
  type: m.type,
  topics: m.topics,
  occasion: m.occasion ?? '',
  tier: m.tier,
  text: toMarkup(m.body, m.headings),
  note: m.note,
  keyPoints: m.keyPoints.join('\n'),
});

const fieldsOf = (d: DraftFields): MaterialFields => ({
  title: d.title.trim(),
  type: d.type,
  topics: d.topics,
  occasion: d.occasion.trim() || null,
  tier: d.tier,
  ...fromMarkup(d.text),
  note: d.note.trim(),
  keyPoints: d.keyPoints
    .split('\n')
    .map((k) => k.trim())
    .filter(Boolean),
});

/** Writing a material: the form with proofreading, saving as a new version, publishing and the history. */
export default function MaterialEditorPage() {
  const navigate = useNavigate();
  const param = useParams().id;
  const id = param === undefined || param === 'new' ? null : Number(param);
  const material = useEditorMaterial(id);
  const { run, busy } = useMaterialChange();
  // null: showing the saved text; the user's own copy from their first keystroke until it is saved.
  const [edited, setEdited] = useState<DraftFields | null>(null);
  const createKey = useRef(newIdempotencyKey());
  const loaded = material.data;
  const draft = edited ?? (loaded ? draftOf(loaded) : EMPTY);
  const dirty = edited !== null;

  const save = async () => {
    const body = fieldsOf(draft);
    const saved = await run('save', loaded ? `已保存为第${loaded.revision + 1}版` : '已保存草稿', () =>
      loaded
        ? api<EditorDetail>(`/api/library/editor/materials/${loaded.id}`, {
            method: 'PUT',
            body: { ...body, version: loaded.version },
          })
        : api<EditorDetail>('/api/library/editor/materials', {
            method: 'POST',
            body,
            headers: { 'idempotency-key': createKey.current },
          }),
    );
    if (!saved) return;
    setEdited(null);
    if (!loaded) void navigate(`/library/editor/${saved.id}`, { replace: true });
  };
  const act = (path: 'publish' | 'withdraw' | 'schedule', extra?: { publishAt: string }) => {
    if (!loaded) return;
    const labels = {
      publish: '已发布',
      withdraw: loaded.status === 'scheduled' ? '已取消定时' : '已撤回',
      schedule: '已设置定时发布',
    };
    void run(path, labels[path], () =>
      api<EditorDetail>(`/api/library/editor/materials/${loaded.id}/${path}`, {
        method: 'POST',
        body: { version: loaded.version, ...extra },
      }),
    );
  };

  if (id !== null && material.isLoading) return <Spin />;
  if (id !== null && (material.isError || !loaded))
    return <Alert type="error" showIcon title="资料不存在或无权查看" />;

  return (
    <>
      <PageTitle
        title={loaded ? '编辑资料' : '新建资料'}
        extra={
          <Flex gap={8}>
            <Button onClick={() => void navigate('/library/editor')}>返回工作台</Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={busy === 'save'}
              disabled={!dirty && loaded !== undefined}
              onClick={() => void save()}
            >
              {loaded ? '保存为新版本' : '保存草稿'}
            </Button>
          </Flex>
        }
      />
      {loaded && <PublishBar material={loaded} busy={busy} dirty={dirty} onAction={act} />}
      <MaterialForm draft={draft} onChange={setEdited} />
      {loaded && <EditorAttachments materialId={loaded.id} />}
      {loaded && <VersionsCard material={loaded} />}
    </>
  );
}
