import { Button, Result } from 'antd';
import { Navigate, Outlet } from 'react-router';
import type { Role } from '../../../shared/src/roles.js';
import { errorText } from '../api/errors.js';
import { useSession } from '../api/session.js';
import { CurrentUserContext, hasAnyRole, useCurrentUser } from './current-user.js';
import { PageLoading } from './PageLoading.js';

/** Pages behind sign-in: anyone without a finished sign-in goes to the login page. */
export function RequireSession() {
  const session = useSession();
  if (session.isPending) return <PageLoading />;
  if (session.isError) {
    return (
      <Result
        status="warning"
        title="无法连接服务器"
        subTitle={errorText(session.error)}
        extra={
          <Button type="primary" onClick={() => void session.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  const { user, stage } = session.data;
  if (!user || stage !== 'full') return <Navigate to="/login" replace />;
  return (
    <CurrentUserContext.Provider value={user}>
      <Outlet />
    </CurrentUserContext.Provider>
  );
}

/** A page for some roles only; the menu hides it from the others, this covers typed-in addresses. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const user = useCurrentUser();
  if (!hasAnyRole(user, roles))
    return <Result status="403" title="无权访问" subTitle="您的角色不能使用此页面。" />;
  return <Outlet />;
}
