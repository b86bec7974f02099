import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Select, Space, Statistic, Typography } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.js';
import { errorText } from '../../api/errors.js';
import type { DepartmentList } from '../../api/types.js';
import { hasAnyRole, useCurrentUser } from '../../layout/current-user.js';
import { PageTitle } from '../../layout/PageTitle.js';
import { LIGHT_STYLE } from '../supervision/labels.js';
import { LIGHTS } from '../dashboard/charts.js';
import { itemListLink } from '../dashboard/links.js';
import { PERIOD_OPTIONS, rateText, type DepartmentOverview, type PeriodKind } from '../dashboard/types.js';
import { DueSoonTable, OverdueTable, PeopleTable, StatusTable } from './WorkTables.js';

const LIGHT_TITLES = { red: '红灯', yellow: '黄灯', green: '绿灯' } as const;

/** 部门视图: a department head's own department; leaders and supervisors choose one. */
export default function DepartmentPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const seesAll = hasAnyRole(user, ['leader', 'supervisor']);
  const chosen = Number(useParams().id);
  const id = Number.isInteger(chosen) && chosen > 0 ? chosen : seesAll ? null : user.departmentId;
  const period: PeriodKind = PERIOD_OPTIONS.find((p) => p.value === params.get('period'))?.value ?? 'year';

  const departments = useQuery({
    queryKey: ['departments'],
    enabled: seesAll,
    queryFn: () => api<DepartmentList>('/api/departments'),
  });
  const data = useQuery({
    queryKey: ['supervision', 'department', id, period],
    enabled: id !== null,
    queryFn: () =>
      api<DepartmentOverview>(`/api/supervision/departments/${id}/overview`, { query: { period } }),
  });
  const o = data.data;

  return (
    <div>
      <PageTitle
        title={o ? `部门视图 · ${o.department.name}` : '部门视图'}
        extra={
          <>
            {seesAll && (
              <Select
                aria-label="部门"
                placeholder="选择部门"
                style={{ minWidth: 180 }}
                value={id ?? undefined}
                onChange={(v: number) => void navigate(`/department/${v}?${params.toString()}`)}
                options={(departments.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
              />
            )}
            <Select
              aria-label="统计期间"
              style={{ minWidth: 110 }}
              value={period}
              onChange={(v: PeriodKind) => setParams({ period: v }, { replace: true })}
              options={PERIOD_OPTIONS}
            />
          </>
        }
      />
      {id === null ? (
        <Empty description={seesAll ? '请选择要查看的部门' : '您尚未归属任何部门'} />
      ) : data.isError ? (
        <Alert type="error" showIcon title="部门数据加载失败" description={errorText(data.error)} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {o ? `灯色截至 ${o.today}，按在办承办事项计；按期办结率为${o.period.label}` : '正在统计…'}
          </Typography.Text>
          <Row gutter={[12, 12]}>
            {LIGHTS.map((l) => (
              <Col xs={8} lg={4} key={l}>
                <Link to={itemListLink({ departmentId: id, light: l })} data-testid={`dept-light-${l}`}>
                  <Card
                    size="small"
                    hoverable
                    loading={data.isPending}
                    style={{ borderTop: `3px solid ${LIGHT_STYLE[l].dot}` }}
                  >
                    <Statistic title={LIGHT_TITLES[l]} value={o?.lights[l] ?? 0} suffix="件" />
                  </Card>
                </Link>
              </Col>
            ))}
            <Col xs={12} lg={6}>
              <Card size="small" loading={data.isPending} data-testid="dept-rate">
                <Statistic title="本部门按期办结率" value={rateText(o?.rate.department.onTimeRate ?? null)} />
              </Card>
            </Col>
            <Col xs={12} lg={6}>
              <Card size="small" loading={data.isPending} data-testid="org-rate">
                <Statistic
                  title="全单位按期办结率"
                  value={rateText(o?.rate.organisation.onTimeRate ?? null)}
                />
              </Card>
            </Col>
          </Row>
          {o && (
            <>
              <Card size="small" title={`逾期事项（${o.lights.red}）`}>
                <OverdueTable rows={o.overdue} />
              </Card>
              <Card size="small" title={`临期与待反馈（${o.lights.yellow}）`}>
                <DueSoonTable rows={o.dueSoon} />
              </Card>
              <Row gutter={[12, 12]}>
                <Col xs={24} lg={12}>
                  <Card size="small" title="承办事项按状态">
                    <StatusTable rows={o.byStatus} />
                  </Card>
                </Col>
                <Col xs={24} lg={12}>
                  <Card size="small" title="承办人在办情况（首问负责）">
                    <PeopleTable overview={o} />
                  </Card>
                </Col>
              </Row>
            </>
          )}
        </Space>
      )}
    </div>
  );
}
