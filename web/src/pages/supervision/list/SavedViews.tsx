import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useSavedViews } from './saved-views.js';

interface Props {
  userId: number;
  /** The current filters as an address query (without paging). */
  current: string;
  onOpen: (query: string) => void;
}

/** 保存视图: named filter sets kept in this browser; choosing one puts its filters in the address. */
export function SavedViews({ userId, current, onOpen }: Props) {
  const { message } = App.useApp();
  const { views, save, remove } = useSavedViews(userId);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const active = views.find((v) => v.query === current)?.name;

  const confirm = () => {
    const trimmed = name.trim();
    if (!trimmed) return void message.warning('请输入视图名称');
    save({ name: trimmed, query: current });
    setNaming(false);
    setName('');
    void message.success(`已保存视图：${trimmed}`);
  };

  return (
    <Space wrap size={8}>
      <Select<string>
        placeholder={views.length ? '我的视图' : '暂无保存的视图'}
        aria-label="我的视图"
        style={{ minWidth: 160 }}
        value={active}
        disabled={views.length === 0}
        onChange={(chosen) => onOpen(views.find((v) => v.name === chosen)?.query ?? '')}
        options={views.map((v) => ({ value: v.name, label: v.name }))}
      />
      {active && (
        <Button icon={<DeleteOutlined />} onClick={() => remove(active)} aria-label="删除视图">
          删除视图
        </Button>
      )}
      <Button icon={<SaveOutlined />} onClick={() => setNaming(true)}>
        保存视图
      </Button>
      <Modal
        open={naming}
        title="保存当前筛选为视图"
        okText="保存"
        onOk={confirm}
        onCancel={() => setNaming(false)}
        destroyOnHidden
      >
        <Input
          autoFocus
          placeholder="视图名称，如：本月红灯事项"
          aria-label="视图名称"
          maxLength={30}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={confirm}
        />
      </Modal>
    </Space>
  );
}
