import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, List, Row, Select, Space, Statistic, Typography } from 'antd';
import type { ECElementEvent } from 'echarts/core';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import type { DepartmentList } from '../../api/types.js';
import { hasAnyRole, useCurrentUser } from '../../layout/current-user.js';
import { PageTitle } from '../../layout/PageTitle.js';
import { LightTag } from '../supervision/LightTag.js';
import { LIGHT_STYLE, SOURCE_TYPES, labelOf, type SourceType } from '../supervision/labels.js';
import { EChart } from './EChart.js';
import { LIGHTS, lightsOption, rankingOption, sourcesOption, trendOption } from './charts.js';
import { itemListLink } from './links.js';
import { PERIOD_OPTIONS, rateText, type Dashboard, type PeriodKind } from './types.js';

const LIGHT_TITLES = { red: '红灯（逾期）', yellow: '黄灯（临期）', green: '绿灯（正常）' } as const;

/** 领导驾驶舱: lights, closures of the period, trend, ranking, sources and the leader's red and yellow items. */
export default function DashboardPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const seesAll = hasAnyRole(user, ['leader', 'supervisor']);
  const period: PeriodKind = PERIOD_OPTIONS.find((p) => p.value === params.get('period'))?.value ?? 'month';
  const scope = seesAll && Number(params.get('scope')) > 0 ? Number(params.get('scope')) : null;

  const departments = useQuery({
    queryKey: ['departments'],
    enabled: seesAll,
    queryFn: () => api<DepartmentList>('/api/departments'),
  });
  const data = useQuery({
    queryKey: ['supervision', 'dashboard', scope, period],
    queryFn: () => api<Dashboard>('/api/supervision/dashboard', { query: { scope: scope ?? 'all', period } }),
  });
  const d = data.data;
  const departmentId = d?.scope.departmentId ?? null;

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  const options = useMemo(
    () =>
      d && {
        lights: lightsOption(d.lights),
        trend: trendOption(d.trend),
        ranking: rankingOption(d.ranking),
        sources: sourcesOption(d.sources),
      },
    [d],
  );
  const open = (patch: Parameters<typeof itemListLink>[0]) =>
    void navigate(itemListLink({ departmentId, ...patch }));
  const field = (event: ECElementEvent, key: string): unknown =>
    (event.data as Record<string, unknown> | null)?.[key];

  return (
    <div>
      <PageTitle
        title="领导驾驶舱"
        extra={
          <>
            {seesAll && (
              <Select
                aria-label="统计范围"
                style={{ minWidth: 180 }}
                value={scope ?? 0}
                onChange={(v: number) => set('scope', v === 0 ? null : String(v))}
                options={[
                  { value: 0, label: '全单位' },
                  ...(departments.data?.items ?? []).map((x) => ({ value: x.id, label: x.name })),
                ]}
              />
            )}
            <Select
              aria-label="统计期间"
              style={{ minWidth: 110 }}
              value={period}
              onChange={(v: PeriodKind) => set('period', v)}
              options={PERIOD_OPTIONS}
            />
          </>
        }
      />
      {data.isError ? (
        <Alert type="error" showIcon title="驾驶舱数据加载失败" description={errorText(data.error)} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {d
              ? `${d.scope.departmentName ?? '全单位'} · ${d.period.label}（${d.period.start} 至 ${d.period.end}） · 灯色截至 ${d.today}，按在办承办事项计`
              : '正在统计…'}
          </Typography.Text>
          <Row gutter={[12, 12]}>
            {LIGHTS.map((l) => (
              <Col xs={8} lg={4} key={l}>
                <Card
                  size="small"
                  hoverable
                  loading={data.isPending}
                  data-testid={`light-${l}`}
                  onClick={() => open({ light: l })}
                  style={{ borderTop: `3px solid ${LIGHT_STYLE[l].dot}` }}
                >
                  <Statistic title={LIGHT_TITLES[l]} value={d?.lights[l] ?? 0} suffix="件" />
                </Card>
              </Col>
            ))}
            <Col xs={8} lg={4}>
              <Card size="small" loading={data.isPending} data-testid="closed-on-time">
                <Statistic title="本期按期办结" value={d?.closed.onTime ?? 0} suffix="件" />
              </Card>
            </Col>
            <Col xs={8} lg={4}>
              <Card size="small" loading={data.isPending} data-testid="closed-late">
                <Statistic title="本期逾期办结" value={d?.closed.late ?? 0} suffix="件" />
              </Card>
            </Col>
            <Col xs={8} lg={4}>
              <Card size="small" loading={data.isPending} data-testid="on-time-rate">
                <Statistic title="按期办结率" value={rateText(d?.closed.onTimeRate ?? null)} />
              </Card>
            </Col>
          </Row>
          {options && d && (
            <>
              <Row gutter={[12, 12]}>
                <Col xs={24} lg={8}>
                  <Card size="small" title="红黄绿灯分布">
                    <EChart
                      label={`红灯 ${d.lights.red} 件，黄灯 ${d.lights.yellow} 件，绿灯 ${d.lights.green} 件`}
                      option={options.lights}
                      height={260}
                      onClick={(e) => open({ light: field(e, 'light') as (typeof LIGHTS)[number] })}
                    />
                  </Card>
                </Col>
                <Col xs={24} lg={16}>
                  <Card
                    size="small"
                    title={d.trend.unit === 'week' ? '近12周交办与办结' : '近12个月交办与办结'}
                  >
                    <EChart label="交办与办结趋势" option={options.trend} height={260} />
                  </Card>
                </Col>
              </Row>
              <Row gutter={[12, 12]}>
                <Col xs={24} lg={12}>
                  <Card size="small" title={`部门按期办结率排名（${d.period.label}）`}>
                    {d.ranking.length === 0 ? (
                      <Empty description="本期没有承办事项" />
                    ) : (
                      <EChart
                        label="部门按期办结率排名"
                        option={options.ranking}
                        height={Math.max(200, d.ranking.length * 36 + 60)}
                        onClick={(e) => open({ departmentId: field(e, 'departmentId') as number })}
                      />
                    )}
                  </Card>
                </Col>
                <Col xs={24} lg={12}>
                  <Card size="small" title="在办事项按来源">
                    {d.sources.length === 0 ? (
                      <Empty description="没有在办事项" />
                    ) : (
                      <EChart
                        label="在办事项按来源和灯色"
                        option={options.sources}
                        height={Math.max(200, d.sources.length * 36 + 60)}
                        onClick={(e) =>
                          open({
                            sourceType: field(e, 'sourceType') as SourceType,
                            light: field(e, 'light') as (typeof LIGHTS)[number],
                          })
                        }
                      />
                    )}
                  </Card>
                </Col>
              </Row>
              <Card size="small" title="我分管和关注的红黄灯事项">
                {d.watched.length === 0 ? (
                  <Empty description="您分管和关注的事项均为绿灯" />
                ) : (
                  <List
                    dataSource={d.watched}
                    rowKey="id"
                    renderItem={(w) => (
                      <List.Item>
                        <Space wrap size={8}>
                          <LightTag light={w.light} />
                          <Link to={`/supervision/items/${w.id}`}>
                            {w.number} {w.title}
                          </Link>
                          <Typography.Text type="secondary">
                            {labelOf(SOURCE_TYPES, w.sourceType)}
                            {w.deadline ? ` · 时限 ${w.deadline}` : ''}
                            {w.responsible ? ' · 分管' : ' · 关注'}
                          </Typography.Text>
                        </Space>
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            </>
          )}
        </Space>
      )}
    </div>
  );
}
