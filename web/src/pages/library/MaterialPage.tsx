import { ArrowLeftOutlined, LockOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Button, Col, Flex, Grid, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import { hasAnyRole, useCurrentUser } from '../../layout/current-user.js';
import { ReaderAttachments } from './attachments/ReaderAttachments.js';
import { FollowTopics } from './FollowTopics.js';
import { formatDate } from './labels.js';
import { sectionsOf } from './markup.js';
import { SimilarList } from './search/SimilarList.js';
import './reader.css';
import type { ReaderMaterial } from './types.js';

const anchorOf = (index: number) => `section-${index}`;

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

/** 阅读资料: long text in sections by its headings, with a contents list beside it on wide screens. */
export default function MaterialPage() {
  const id = Number(useParams().id);
  const wide = Grid.useBreakpoint().lg === true;
  const material = useQuery({
    queryKey: ['library', 'material', id],
    queryFn: () => api<ReaderMaterial>(`/api/library/materials/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (material.isLoading) return <Spin />;
  if (material.isError || !material.data)
    return <Alert type="error" showIcon title={errorText(material.error)} />;
  const m = material.data;
  const sections = sectionsOf(m.paragraphs ?? [], m.headings ?? []);
  const contents = sections.filter((s) => s.heading !== null);

  return (
    <>
      <Flex justify="space-between" wrap gap={8} className="library-no-print" style={{ marginBottom: 12 }}>
        <Link to="/library">
          <Button icon={<ArrowLeftOutlined />}>资料库</Button>
        </Link>
        <Flex gap={8} wrap>
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
          <article className="library-reader">
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
                {m.note && <div className="library-note">导读：{m.note}</div>}
                {sections.map((s) => (
                  <section key={s.index} id={anchorOf(s.index)}>
                    {s.heading !== null && <h2>{s.heading}</h2>}
                    {s.paragraphs.map((p, i) => (
                      <p key={i} className="library-paragraph">
                        {p}
                      </p>
                    ))}
                  </section>
                ))}
                {(m.keyPoints?.length ?? 0) > 0 && (
                  <div className="library-note" style={{ marginTop: 24 }}>
                    <strong>要点</strong>
                    <ol style={{ margin: '4px 0 0', paddingLeft: '1.5em' }}>
                      {m.keyPoints?.map((k) => (
                        <li key={k}>{k}</li>
                      ))}
                    </ol>
                  </div>
                )}
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
