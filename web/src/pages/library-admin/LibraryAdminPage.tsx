import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../layout/PageTitle.js';
import { CodesTab } from './CodesTab.js';
import { GrantsTab } from './GrantsTab.js';
import { OrdersTab } from './OrdersTab.js';
import { PlansTab } from './PlansTab.js';

const TABS = [
  { key: 'orders', label: '订单确认', children: <OrdersTab /> },
  { key: 'grants', label: '会员权益', children: <GrantsTab /> },
  { key: 'codes', label: '兑换码', children: <CodesTab /> },
  { key: 'plans', label: '方案', children: <PlansTab /> },
];

/** 资料库会员管理 (system administrator): orders to confirm, grants, redeem-code batches and plans. */
export default function LibraryAdminPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.some((t) => t.key === params.get('tab')) ? (params.get('tab') ?? 'orders') : 'orders';
  return (
    <>
      <PageTitle title="会员管理" />
      <Tabs activeKey={tab} items={TABS} destroyOnHidden onChange={(key) => setParams({ tab: key })} />
    </>
  );
}
