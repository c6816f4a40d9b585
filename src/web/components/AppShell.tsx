import { useEffect, useRef } from 'react';
import { FormattedMessage } from 'react-intl';
import { Outlet, useLocation } from 'react-router';
import { AppHeader } from './AppHeader';

/**
 * The signed-in layout: skip link, header, then the frame (portal, operator console or a
 * simple page) which renders its own <nav> and <main id="main">.
 */
export function AppShell() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);

  // After client-side navigation, move focus to the new page's heading so screen readers
  // announce it and keyboard users start from the top of the content.
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const heading = document.querySelector<HTMLElement>('#main h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: false });
    }
  }, [pathname]);

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        <FormattedMessage id="app.skipToContent" defaultMessage="Skip to main content" />
      </a>
      <AppHeader />
      <Outlet />
    </div>
  );
}
