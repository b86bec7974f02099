import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Grid, Row, Skeleton, Tree } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { api } from '../../api/client.js';
import { errorText, useReportError } from '../../api/errors.js';
import { DEPARTMENTS_KEY, useDepartments } from '../../api/session.js';
import { PageTitle } from '../../layout/PageTitle.js';
import { DepartmentDetail } from './DepartmentDetail.js';
import { DepartmentFormModal, type DepartmentEdit } from './DepartmentFormModal.js';
import { buildTree } from './tree.js';

export default function DepartmentsPage() {
  const departments = useDepartments();
  const client = useQueryClient();
  const { message } = App.useApp();
  const report = useReportError();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [edit, setEdit] = useState<DepartmentEdit | null>(null);
  const isPhone = Grid.useBreakpoint().md === false;
  const detailRef = useRef<HTMLDivElement>(null);

  const items = useMemo(() => departments.data?.items ?? [], [departments.data]);
  const tree = useMemo(() => buildTree(items), [items]);
  const selected = items.find((d) => d.id === selectedId) ?? null;
  const parentName =
    selected?.parentId == null ? null : (items.find((d) => d.id === selected.parentId)?.name ?? null);
  const refresh = () => client.invalidateQueries({ queryKey: DEPARTMENTS_KEY });

  const remove = async () => {
    if (!selected) return;
    try {
      await api<null>(`/api/departments/${selected.id}`, {
        method: 'DELETE',
        query: { version: selected.version },
      });
      void message.success(`已删除：${selected.name}`);
      setSelectedId(null);
    } catch (error) {
      report(error);
    }
    await refresh();
  };

  if (departments.isPending) return <Skeleton active />;
  if (departments.isError) return <Alert type="error" showIcon title={errorText(departments.error)} />;

  return (
    <>
      <PageTitle
        title="部门管理"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEdit({ parentId: null })}>
            新建部门
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={9} xl={7}>
          <Card title="部门树" size="small">
            {tree.length === 0 ? (
              <Empty description="暂无部门" />
            ) : (
              <Tree
                treeData={tree}
                defaultExpandAll
                blockNode
                selectedKeys={selectedId === null ? [] : [selectedId]}
                onSelect={(keys) => {
                  setSelectedId(keys.length > 0 ? Number(keys[0]) : null);
                  // On a phone the detail is below the tree: bring it into view.
                  if (isPhone && keys.length > 0)
                    setTimeout(
                      () => detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }),
                      50,
                    );
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={15} xl={17} ref={detailRef}>
          {selected ? (
            <DepartmentDetail
              key={selected.id}
              department={selected}
              parentName={parentName}
              branches={departments.data.branches}
              onEdit={() => setEdit({ department: selected })}
              onAddChild={() => setEdit({ parentId: selected.id })}
              onDelete={() => void remove()}
            />
          ) : (
            <Card>
              <Empty description="请在部门树中选择一个部门，查看党支部与成员" />
            </Card>
          )}
        </Col>
      </Row>
      <DepartmentFormModal
        edit={edit}
        onClose={() => setEdit(null)}
        onSaved={(saved) => {
          setEdit(null);
          if (saved) {
            void message.success('已保存');
            setSelectedId(saved.id);
          }
          void refresh();
        }}
      />
    </>
  );
}
