import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useDepartments } from '../../api/session.js';
import { buildTree, subtreeIds } from './tree.js';

interface Props {
  /** Set by Form.Item so its label names this field. */
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  /** Leave this department and its subtree out (choosing a new parent). */
  excludeSubtreeOf?: number;
  allowClear?: boolean;
}

/** Pick a department from the tree; clearing gives null. */
export function DepartmentSelect({
  id,
  value,
  onChange,
  placeholder = '请选择部门',
  excludeSubtreeOf,
  allowClear = true,
}: Props) {
  const departments = useDepartments();
  const treeData = useMemo(() => {
    const items = departments.data?.items ?? [];
    const exclude = excludeSubtreeOf === undefined ? new Set<number>() : subtreeIds(items, excludeSubtreeOf);
    return buildTree(items, exclude);
  }, [departments.data, excludeSubtreeOf]);
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      treeData={treeData}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      loading={departments.isPending}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
