import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { LanguagePicker } from './LanguagePicker';

/** The frame of pages seen without a session (sign-in, invitation): brand, language, one card. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="login-layout">
      <header className="login-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <FormattedMessage id="app.name" defaultMessage="Liaison" />
        </span>
        <LanguagePicker />
      </header>
      <main className="login-main" id="main">
        <div className="login-card">{children}</div>
      </main>
    </div>
  );
}
