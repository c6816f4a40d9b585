import { Button } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { paths } from '../apiPaths';
import { useEmailedLink } from '../useEmailedLink';
import { CONTACT_FIELD_NAMES } from '../components/contactFields';
import { ContactStateBadge } from '../components/contact-info/ContactStateBadge';
import { useDocumentTitle } from '../components/DocumentTitle';
import { ErrorAlert, LoadFailed, Loading } from '../components/Feedback';
import { PublicLayout } from '../components/PublicLayout';
import type { ContactConfirmation } from '../types';

/**
 * `/confirm/{token}` (public): the link of a contact-confirmation email. Opening it only shows
 * what the address receives (mail scanners open links too); the "Confirm" button confirms it.
 */
export function ConfirmContactPage() {
  const intl = useIntl();
  const { token = '' } = useParams();
  const { state, retry, act: confirm, pending, actError: sendError } = useEmailedLink<ContactConfirmation>(paths.contactConfirmation(token));

  const title = intl.formatMessage({ id: 'confirmContact.title', defaultMessage: 'Confirm a contact address' });
  useDocumentTitle(title);

  return (
    <PublicLayout>
      <h1 className="login-title">{title}</h1>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'error' ? <LoadFailed error={state.error} onRetry={retry} /> : null}
      {state.status === 'invalid' ? (
        <p className="alert alert-error" role="alert">
          <FormattedMessage id="confirmContact.invalid" defaultMessage="This link is not valid, or the address is no longer listed." />
        </p>
      ) : null}
      {state.status === 'ready' ? (
        <>
          <p className="login-intro">
            <FormattedMessage
              id="confirmContact.intro"
              defaultMessage="The address {email} receives notices listed under “{field}” for {account}."
              values={{
                email: <bdi>{state.item.email}</bdi>,
                field: intl.formatMessage(CONTACT_FIELD_NAMES[state.item.field]),
                account: <strong><bdi>{state.item.accountName}</bdi></strong>,
              }}
            />
          </p>
          <p>
            <ContactStateBadge state={state.item.state} />
          </p>
          {state.item.state === 'confirmed' ? (
            <div className={state.item.confirmedNow ? 'alert alert-success' : 'alert alert-info'} role="status">
              {state.item.confirmedNow ? (
                <FormattedMessage id="confirmContact.done" defaultMessage="Confirmed. Thank you: notices to this address are known to be read." />
              ) : (
                <FormattedMessage
                  id="confirmContact.already"
                  defaultMessage="Already confirmed on {at}."
                  values={{ at: state.item.confirmedAt ? intl.formatDate(state.item.confirmedAt, { dateStyle: 'medium', timeStyle: 'short' }) : '' }}
                />
              )}
            </div>
          ) : (
            <>
              <p>
                <FormattedMessage id="confirmContact.explain" defaultMessage="Confirm that someone reads this address, so that these notices are known to reach a person." />
              </p>
              {sendError ? <ErrorAlert error={sendError} /> : null}
              <Button className={pending ? 'button button-primary is-busy' : 'button button-primary'} isDisabled={pending} onPress={() => void confirm()}>
                <FormattedMessage id="confirmContact.button" defaultMessage="Confirm" />
              </Button>
            </>
          )}
        </>
      ) : null}
    </PublicLayout>
  );
}
