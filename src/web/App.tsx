import { RouterProvider } from 'react-aria-components';
import { Route, Routes, useHref, useNavigate } from 'react-router';
import { AppShell } from './components/AppShell';
import { RequireSession } from './components/RequireSession';
import { sectionRoutes } from './components/SectionNav';
import { HelpPage } from './pages/HelpPage';
import { HomePage } from './pages/HomePage';
import { InvitationPage } from './pages/InvitationPage';
import { AcknowledgePage } from './pages/AcknowledgePage';
import { UnsubscribePage } from './pages/UnsubscribePage';
import { ConfirmContactPage } from './pages/ConfirmContactPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundContent, NotFoundPage } from './pages/NotFoundPage';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/PasswordResetPages';
import { ProfilePage } from './pages/ProfilePage';
import { OperatorAccountPage } from './pages/operator/OperatorAccountPage';
import { OperatorLayout } from './pages/operator/OperatorLayout';
import { OPERATOR_SECTIONS } from './pages/operator/sections';
import { PortalLayout } from './pages/portal/PortalLayout';
import { PORTAL_SECTIONS } from './pages/portal/sections';

/** Every URL of the app. Pages inside a frame come from that frame's section list. */
export function App() {
  const navigate = useNavigate();
  return (
    // React Aria links and items with `href` navigate through the router too.
    <RouterProvider navigate={navigate} useHref={useHref}>
      <AppRoutes />
    </RouterProvider>
  );
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/invite/:token" element={<InvitationPage />} />
      <Route path="/ack/:token" element={<AcknowledgePage />} />
      <Route path="/unsubscribe/:token" element={<UnsubscribePage />} />
      <Route path="/confirm/:token" element={<ConfirmContactPage />} />
      <Route path="/help" element={<HelpPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
      <Route
        element={
          <RequireSession>
            <AppShell />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="accounts/:accountId" element={<PortalLayout />}>
          {sectionRoutes(PORTAL_SECTIONS)}
          <Route path="*" element={<NotFoundContent />} />
        </Route>
        <Route path="operator" element={<OperatorLayout />}>
          {sectionRoutes(OPERATOR_SECTIONS)}
          <Route path="accounts/:accountId" element={<OperatorAccountPage />} />
          <Route path="*" element={<NotFoundContent />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
