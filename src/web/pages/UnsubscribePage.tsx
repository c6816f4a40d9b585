import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams, useSearchParams } from 'react-router';
import { ApiError, api } from '../api';
import { paths } from '../apiPaths';
import { useDocumentTitle } from '../components/DocumentTitle';
import { ErrorAlert, LoadFailed, Loading } from '../components/Feedback';
import { PublicLayout } from '../components/PublicLayout';
import { categoryLabel } from '../components/notifications/names';
import type { UnsubscribeView } from '../types';

type PageState = { status: 'loading' } | { status: 'ready'; view: UnsubscribeView } | { status: 'invalid' } | { status: 'error'; error: unknown };

/**
 * `/unsubscribe/{token}?category=…` (public): the List-Unsubscribe link of an email. Opening it
 * only shows what it is about; the button unsubscribes (mail programs POST to the same address).
 */
export function UnsubscribePage() {
  const intl = useIntl();
  const { token = '' } = useParams();
  const [search] = useSearchParams();
  const category = search.get('category') ?? '';
  const [state, setState] = useState<PageState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const [sendError, setSendError] = useState<unknown>();

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    api<UnsubscribeView>(paths.unsubscribe(token, category)).then(
      (view) => !cancelled && setState({ status: 'ready', view }),
      (error: unknown) => {
        if (cancelled) return;
        setState(error instanceof ApiError && (error.status === 404 || error.status === 400) ? { status: 'invalid' } : { status: 'error', error });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [token, category, attempt]);

  const title = intl.formatMessage({ id: 'unsubscribe.title', defaultMessage: 'Unsubscribe' });
  useDocumentTitle(title);

  const confirm = async () => {
    setPending(true);
    setSendError(undefined);
    try {
      setState({ status: 'ready', view: await api<UnsubscribeView>(paths.unsubscribe(token, category), { method: 'POST' }) });
    } catch (error) {
      setSendError(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <PublicLayout>
      <h1 className="login-title">{title}</h1>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <LoadFailed error={state.error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {state.status === 'invalid' ? (
        <p className="alert alert-error" role="alert">
          <FormattedMessage id="unsubscribe.invalid" defaultMessage="This link is not valid." />
        </p>
      ) : null}
      {state.status === 'ready' ? (
        state.view.mandatory ? (
          <p className="alert alert-info" role="status">
            <FormattedMessage
              id="unsubscribe.mandatory"
              defaultMessage="{category} notifications of {account} cannot be unsubscribed from: they must reach the people responsible."
              values={{ category: categoryLabel(intl, state.view.category), account: <strong>{state.view.accountName}</strong> }}
            />
          </p>
        ) : state.view.unsubscribed ? (
          <p className="alert alert-success" role="status">
            <FormattedMessage
              id="unsubscribe.done"
              defaultMessage="{email} no longer receives {category} notifications of {account}."
              values={{ email: <bdi>{state.view.email}</bdi>, category: categoryLabel(intl, state.view.category), account: <strong>{state.view.accountName}</strong> }}
            />
          </p>
        ) : (
          <>
            <p className="login-intro">
              <FormattedMessage
                id="unsubscribe.explain"
                defaultMessage="Stop sending {category} notifications of {account} to {email}? The account's admins can see who unsubscribed."
                values={{ email: <bdi>{state.view.email}</bdi>, category: categoryLabel(intl, state.view.category), account: <strong>{state.view.accountName}</strong> }}
              />
            </p>
            {sendError ? <ErrorAlert error={sendError} /> : null}
            <Button className={pending ? 'button button-primary is-busy' : 'button button-primary'} isDisabled={pending} onPress={() => void confirm()}>
              <FormattedMessage id="unsubscribe.button" defaultMessage="Unsubscribe" />
            </Button>
          </>
        )
      ) : null}
    </PublicLayout>
  );
}
