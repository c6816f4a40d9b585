import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-router';
import { LanguagePicker } from './LanguagePicker';

/** The top of pages seen without a session: the brand (a link home where that helps) and "Language". */
export function PublicHeader({ homeLink = false }: { homeLink?: boolean }) {
  const brand = (
    <>
      <span className="brand-mark" aria-hidden="true" />
      <FormattedMessage id="app.name" defaultMessage="Liaison" />
    </>
  );
  return (
    <header className="login-header">
      {homeLink ? (
        <Link className="brand" to="/">
          {brand}
        </Link>
      ) : (
        <span className="brand">{brand}</span>
      )}
      <LanguagePicker />
    </header>
  );
}

/** The frame of pages seen without a session (sign-in, invitation): brand, language, one card. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="login-layout">
      <PublicHeader />
      <main className="login-main" id="main">
        <div className="login-card">{children}</div>
      </main>
    </div>
  );
}
