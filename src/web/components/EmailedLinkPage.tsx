import type { ReactNode } from 'react';
import type { EmailedLinkState } from '../useEmailedLink';
import { useDocumentTitle } from './DocumentTitle';
import { LoadFailed, Loading } from './Feedback';
import { PublicLayout } from './PublicLayout';

/**
 * The frame of a page behind an emailed link (see useEmailedLink): its title, then loading, a
 * failure to retry, the link's own "not valid" message, or what the link is about.
 */
export function EmailedLinkPage<T>({
  title,
  state,
  onRetry,
  invalid,
  children,
}: {
  title: string;
  state: EmailedLinkState<T>;
  onRetry: () => void;
  invalid: ReactNode;
  children: (item: T) => ReactNode;
}) {
  useDocumentTitle(title);
  return (
    <PublicLayout>
      <h1 className="login-title">{title}</h1>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <LoadFailed error={state.error} onRetry={onRetry} /> : null}
      {state.status === 'invalid' ? (
        <p className="alert alert-error" role="alert">
          {invalid}
        </p>
      ) : null}
      {state.status === 'ready' ? children(state.item) : null}
    </PublicLayout>
  );
}
