import {
  ArrowLeftOutlined,
  LeftOutlined,
  LockOutlined,
  PrinterOutlined,
  RightOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Anchor,
  Button,
  Col,
  Dropdown,
  Flex,
  Grid,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import { hasAnyRole, useCurrentUser } from '../../layout/current-user.js';
import { ReaderAttachments } from './attachments/ReaderAttachments.js';
import { FollowTopics } from './FollowTopics.js';
import { formatDate } from './labels.js';
import { sectionsOf } from './markup.js';
import { pageOfSection, pagesOf } from './paging.js';
import { SimilarList } from './search/SimilarList.js';
import './reader.css';
import type { ReaderMaterial } from './types.js';

const anchorOf = (index: number) => `section-${index}`;
const TOP = 'library-reader-top';

/** 上一页 / 下一页 under the text; the page number lives in the URL so a link or a reload keeps the place. */
function Pager({ page, total, go }: { page: number; total: number; go: (page: number) => void }) {
  return (
    <Flex
      justify="space-between"
      align="center"
      gap={8}
      className="library-pager library-no-print"
      data-testid="library-pager"
    >
      <Button icon={<LeftOutlined />} disabled={page <= 1} onClick={() => go(page - 1)}>
        上一页
      </Button>
      <span aria-live="polite">
        第 {page} / {total} 页
      </span>
      <Button disabled={page >= total} onClick={() => go(page + 1)}>
        下一页
        <RightOutlined />
      </Button>
    </Flex>
  );
}

/** The teaser of a material the reader may not open: what it is, and how to get access. */
function LockedNotice({ m }: { m: ReaderMaterial }) {
  const member = hasAnyRole(useCurrentUser(), ['member']);
  return (
    <div data-testid="library-locked">
      {m.note && <div className="library-note">导读：{m.note}</div>}
      <Result
        icon={<LockOutlined />}
        title="本资料为会员资料"
        subTitle="开通会员后即可阅读全文。可在「我的会员」中提交开通申请或使用兑换码；单位内部资料请联系资料编辑开通。"
        extra={
          <Flex wrap gap={8} justify="center">
            {member && (
              <Link to="/library/membership">
                <Button type="primary">开通会员</Button>
              </Link>
            )}
            <Link to="/library">
              <Button>返回资料库</Button>
            </Link>
          </Flex>
        }
      />
    </div>
  );
}

/**
 * 阅读资料: long text in sections by its headings, a page at a time, with a contents list beside it on wide
 * screens and behind 目录 on narrow ones. Every page is rendered, the others hidden, so printing gives the
 * whole text.
 */
export default function MaterialPage() {
  const id = Number(useParams().id);
  const wide = Grid.useBreakpoint().lg === true;
  const [params, setParams] = useSearchParams();
  // Where to scroll once the page turned to has rendered: its top, or a heading the contents chose.
  const pending = useRef<string | null>(null);
  const material = useQuery({
    queryKey: ['library', 'material', id],
    queryFn: () => api<ReaderMaterial>(`/api/library/materials/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
  const m = material.data;
  const sections = useMemo(() => sectionsOf(m?.paragraphs ?? [], m?.headings ?? []), [m]);
  const pages = useMemo(() => pagesOf(sections), [sections]);
  const total = Math.max(pages.length, 1);
  const asked = Number(params.get('page') ?? 1);
  const current = Number.isInteger(asked) ? Math.min(Math.max(asked, 1), total) : 1;

  useEffect(() => {
    const target = pending.current;
    pending.current = null;
    if (target) document.getElementById(target)?.scrollIntoView({ block: 'start' });
  }, [current]);

  if (material.isLoading) return <Spin />;
  if (material.isError || !m) return <Alert type="error" showIcon title={errorText(material.error)} />;
  const contents = sections.filter((s) => s.heading !== null);
  const paged = !m.locked && total > 1;

  const go = (page: number, scrollTo = TOP) => {
    if (page === current) {
      document.getElementById(scrollTo)?.scrollIntoView({ block: 'start' });
      return;
    }
    pending.current = scrollTo;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (page === 1) next.delete('page');
        else next.set('page', String(page));
        return next;
      },
      { preventScrollReset: true },
    );
  };
  const jump = (index: number) => go(pageOfSection(pages, index), anchorOf(index));
  const shown = (page: number) => (page === current ? '' : ' library-page-other');

  return (
    <>
      <Flex justify="space-between" wrap gap={8} className="library-no-print" style={{ marginBottom: 12 }}>
        <Link to="/library">
          <Button icon={<ArrowLeftOutlined />}>资料库</Button>
        </Link>
        <Flex gap={8} wrap>
          {paged && !wide && contents.length > 0 && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: contents.map((s) => ({ key: String(s.index), label: s.heading })),
                onClick: ({ key }) => jump(Number(key)),
              }}
            >
              <Button icon={<UnorderedListOutlined />}>目录</Button>
            </Dropdown>
          )}
          <FollowTopics material={m} />
          {!m.locked && (
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              打印
            </Button>
          )}
        </Flex>
      </Flex>
      <Row gutter={24}>
        <Col xs={24} lg={contents.length > 0 ? 18 : 24}>
          <article className="library-reader" id={TOP}>
            <h1>{m.title}</h1>
            <div className="library-meta">
              <Space size={4} wrap style={{ justifyContent: 'center' }}>
                <Tag color="blue">{m.type}</Tag>
                {m.topics.map((t) => (
                  <Tag key={t}>{t}</Tag>
                ))}
                {m.tier === 'member' ? <Tag color="gold">会员</Tag> : <Tag color="green">免费</Tag>}
              </Space>
              <div>
                {m.occasion ? `${m.occasion} · ` : ''}
                {formatDate(m.publishedAt)} 发布
              </div>
            </div>
            {m.locked ? (
              <LockedNotice m={m} />
            ) : (
              <>
                {m.note && <div className={`library-note${shown(1)}`}>导读：{m.note}</div>}
                {pages.map((parts, i) => (
                  <div key={i} className={`library-page${shown(i + 1)}`} data-page={i + 1}>
                    {parts.map((part) => (
                      <section
                        key={part.index}
                        // Only the page on screen has anchors: the contents list must not spy on hidden ones.
                        id={i + 1 === current && part.heading !== null ? anchorOf(part.index) : undefined}
                      >
                        {part.heading !== null && <h2>{part.heading}</h2>}
                        {part.continues !== null && (
                          <div className="library-continues library-no-print">{part.continues}（续）</div>
                        )}
                        {part.paragraphs.map((p, j) => (
                          <p key={j} className="library-paragraph">
                            {p}
                          </p>
                        ))}
                      </section>
                    ))}
                  </div>
                ))}
                {(m.keyPoints?.length ?? 0) > 0 && (
                  <div className={`library-note${shown(total)}`} style={{ marginTop: 24 }}>
                    <strong>要点</strong>
                    <ol style={{ margin: '4px 0 0', paddingLeft: '1.5em' }}>
                      {m.keyPoints?.map((k) => (
                        <li key={k}>{k}</li>
                      ))}
                    </ol>
                  </div>
                )}
                {paged && <Pager page={current} total={total} go={(page) => go(page)} />}
              </>
            )}
            <ReaderAttachments materialId={m.id} />
          </article>
          <section className="library-similar library-no-print" aria-label="相似资料">
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              相似资料
            </Typography.Title>
            <SimilarList materialId={m.id} />
          </section>
        </Col>
        {wide && contents.length > 0 && (
          <Col lg={6} className="library-no-print">
            <Anchor
              offsetTop={16}
              onClick={(e, link) => {
                // A heading on another page is not in the document yet: turn to its page, then scroll.
                const index = Number(link.href.slice('#section-'.length));
                if (pageOfSection(pages, index) === current) return;
                e.preventDefault();
                jump(index);
              }}
              items={contents.map((s) => ({
                key: anchorOf(s.index),
                href: `#${anchorOf(s.index)}`,
                title: s.heading,
              }))}
            />
          </Col>
        )}
      </Row>
    </>
  );
}
