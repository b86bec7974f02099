import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { BUSINESS_ROLES } from '../../shared/src/roles.js';
import { ApiError } from './api/client.js';
import { AppLayout } from './layout/AppLayout.js';
import { PageLoading } from './layout/PageLoading.js';
import { RequireRole, RequireSession } from './layout/guards.js';
import { NotFoundPage } from './layout/NotFoundPage.js';

dayjs.locale('zh-cn');

const LoginPage = lazy(() => import('./pages/login/LoginPage.js'));
const HomePage = lazy(() => import('./pages/home/HomePage.js'));
const UsersPage = lazy(() => import('./pages/users/UsersPage.js'));
const DepartmentsPage = lazy(() => import('./pages/departments/DepartmentsPage.js'));
const SecurityPolicyPage = lazy(() => import('./pages/security/SecurityPolicyPage.js'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.js'));
const AccountPage = lazy(() => import('./pages/account/AccountPage.js'));
const ItemsPage = lazy(() => import('./pages/supervision/list/ItemsPage.js'));
const NewItemPage = lazy(() => import('./pages/supervision/new/NewItemPage.js'));
const ItemPage = lazy(() => import('./pages/supervision/detail/ItemPage.js'));
const CalendarPage = lazy(() => import('./pages/calendar/CalendarPage.js'));
const JobsPage = lazy(() => import('./pages/jobs/JobsPage.js'));
const ProofreadPage = lazy(() => import('./pages/proofread/ProofreadPage.js'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage.js'));
const DepartmentPage = lazy(() => import('./pages/department/DepartmentPage.js'));
const CircularsPage = lazy(() => import('./pages/circulars/CircularsPage.js'));
const CircularPage = lazy(() => import('./pages/circulars/CircularPage.js'));
const AccountabilityPage = lazy(() => import('./pages/accountability/AccountabilityPage.js'));
const AssessmentPage = lazy(() => import('./pages/assessment/AssessmentPage.js'));
const LedgerPage = lazy(() => import('./pages/ledger/LedgerPage.js'));
const SupervisionSettingsPage = lazy(() => import('./pages/supervision/settings/SupervisionSettingsPage.js'));
const MembershipPage = lazy(() => import('./pages/membership/MembershipPage.js'));
const LibraryAdminPage = lazy(() => import('./pages/library-admin/LibraryAdminPage.js'));
const LibraryHomePage = lazy(() => import('./pages/library/LibraryHomePage.js'));
const LibrarySearchPage = lazy(() => import('./pages/library/search/LibrarySearchPage.js'));
const MaterialPage = lazy(() => import('./pages/library/MaterialPage.js'));
const EditorWorkspacePage = lazy(() => import('./pages/library/EditorWorkspacePage.js'));
const MaterialEditorPage = lazy(() => import('./pages/library/MaterialEditorPage.js'));
const DemandBoardPage = lazy(() => import('./pages/library/demands/DemandBoardPage.js'));
const MyGroupsPage = lazy(() => import('./pages/library/groups/MyGroupsPage.js'));
const GroupsAdminPage = lazy(() => import('./pages/library/groups/GroupsAdminPage.js'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      // Permission and validation failures will not get better by asking again.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4 } }}>
      {/* Notices open below the page header, never over its 退出 and account. */}
      <AntApp notification={{ top: 72 }}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Suspense fallback={<PageLoading />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route element={<RequireSession />}>
                  <Route element={<AppLayout />}>
                    <Route index element={<HomePage />} />
                    <Route element={<RequireRole roles={['system_admin', 'security_admin']} />}>
                      <Route path="users" element={<UsersPage />} />
                    </Route>
                    <Route element={<RequireRole roles={['system_admin']} />}>
                      <Route path="departments" element={<DepartmentsPage />} />
                      <Route path="jobs" element={<JobsPage />} />
                      <Route path="library/admin" element={<LibraryAdminPage />} />
                      <Route path="library/groups/admin" element={<GroupsAdminPage />} />
                    </Route>
                    <Route element={<RequireRole roles={BUSINESS_ROLES} />}>
                      <Route path="supervision" element={<Navigate to="/supervision/items" replace />} />
                      <Route path="supervision/items" element={<ItemsPage />} />
                      <Route path="supervision/items/:id" element={<ItemPage />} />
                      <Route path="proofread" element={<ProofreadPage />} />
                      <Route path="circulars" element={<CircularsPage />} />
                      <Route path="circulars/:id" element={<CircularPage />} />
                      <Route path="accountability" element={<AccountabilityPage />} />
                      <Route element={<RequireRole roles={['leader', 'supervisor']} />}>
                        <Route path="assessment" element={<AssessmentPage />} />
                      </Route>
                      <Route element={<RequireRole roles={['leader', 'supervisor']} />}>
                        <Route path="dashboard" element={<DashboardPage />} />
                      </Route>
                      <Route element={<RequireRole roles={['leader', 'supervisor', 'department_head']} />}>
                        <Route path="department" element={<DepartmentPage />} />
                        <Route path="department/:id" element={<DepartmentPage />} />
                      </Route>
                      <Route path="library" element={<LibraryHomePage />} />
                      <Route path="library/search" element={<LibrarySearchPage />} />
                      <Route path="library/materials/:id" element={<MaterialPage />} />
                      <Route path="library/demands" element={<DemandBoardPage />} />
                      <Route path="library/groups" element={<MyGroupsPage />} />
                      <Route element={<RequireRole roles={['editor']} />}>
                        <Route path="library/editor" element={<EditorWorkspacePage />} />
                        <Route path="library/editor/:id" element={<MaterialEditorPage />} />
                      </Route>
                      <Route element={<RequireRole roles={['supervisor']} />}>
                        <Route path="supervision/items/new" element={<NewItemPage />} />
                        <Route path="ledger" element={<LedgerPage />} />
                      </Route>
                    </Route>
                    <Route element={<RequireRole roles={['system_admin', ...BUSINESS_ROLES]} />}>
                      <Route path="calendar" element={<CalendarPage />} />
                      <Route path="supervision/settings" element={<SupervisionSettingsPage />} />
                    </Route>
                    <Route element={<RequireRole roles={['member']} />}>
                      <Route path="library/membership" element={<MembershipPage />} />
                    </Route>
                    <Route element={<RequireRole roles={['security_admin']} />}>
                      <Route path="security" element={<SecurityPolicyPage />} />
                    </Route>
                    <Route element={<RequireRole roles={['audit_admin']} />}>
                      <Route path="audit" element={<AuditPage />} />
                    </Route>
                    <Route path="account" element={<AccountPage />} />
                    <Route path="*" element={<NotFoundPage />} />
                  </Route>
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
