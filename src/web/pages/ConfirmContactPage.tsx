import { Button } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams } from 'react-router';
import { paths } from '../apiPaths';
import { useEmailedLink } from '../useEmailedLink';
import { CONTACT_FIELD_NAMES } from '../components/contactFields';
import { ContactStateBadge } from '../components/contact-info/ContactStateBadge';
import { ErrorAlert } from '../components/Feedback';
import { EmailedLinkPage } from '../components/EmailedLinkPage';
import type { ContactConfirmation } from '../types';

/**
 * `/confirm/{token}` (public): the link of a contact-confirmation email. Opening it only shows
 * what the address receives (mail scanners open links too); the "Confirm" button confirms it.
 */
export function ConfirmContactPage() {
  const intl = useIntl();
  const { token = '' } = useParams();
  const { state, retry, act: confirm, pending, actError: sendError } = useEmailedLink<ContactConfirmation>(paths.contactConfirmation(token));

  return (
    <EmailedLinkPage
      title={intl.formatMessage({ id: 'confirmContact.title', defaultMessage: 'Confirm a contact address' })}
      state={state}
      onRetry={retry}
      invalid={<FormattedMessage id="confirmContact.invalid" defaultMessage="This link is not valid, or the address is no longer listed." />}
    >
      {(item) => (
        <>
          <p className="login-intro">
            <FormattedMessage
              id="confirmContact.intro"
              defaultMessage="The address {email} receives notices listed under “{field}” for {account}."
              values={{
                email: <bdi>{item.email}</bdi>,
                field: intl.formatMessage(CONTACT_FIELD_NAMES[item.field]),
                account: <strong><bdi>{item.accountName}</bdi></strong>,
              }}
            />
          </p>
          <p>
            <ContactStateBadge state={item.state} />
          </p>
          {item.state === 'confirmed' ? (
            <div className={item.confirmedNow ? 'alert alert-success' : 'alert alert-info'} role="status">
              {item.confirmedNow ? (
                <FormattedMessage id="confirmContact.done" defaultMessage="Confirmed. Thank you: notices to this address are known to be read." />
              ) : (
                <FormattedMessage
                  id="confirmContact.already"
                  defaultMessage="Already confirmed on {at}."
                  values={{ at: item.confirmedAt ? intl.formatDate(item.confirmedAt, { dateStyle: 'medium', timeStyle: 'short' }) : '' }}
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
      )}
    </EmailedLinkPage>
  );
}
