import { Button } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { useParams, useSearchParams } from 'react-router';
import { paths } from '../apiPaths';
import { useEmailedLink } from '../useEmailedLink';
import { ErrorAlert } from '../components/Feedback';
import { EmailedLinkPage } from '../components/EmailedLinkPage';
import { categoryLabel } from '../components/notifications/names';
import type { UnsubscribeView } from '../types';

/**
 * `/unsubscribe/{token}?category=…` (public): the List-Unsubscribe link of an email. Opening it
 * only shows what it is about; the button unsubscribes (mail programs POST to the same address).
 */
export function UnsubscribePage() {
  const intl = useIntl();
  const { token = '' } = useParams();
  const [search] = useSearchParams();
  const category = search.get('category') ?? '';
  const { state, retry, act: confirm, pending, actError: sendError } = useEmailedLink<UnsubscribeView>(paths.unsubscribe(token, category), [404, 400]);

  return (
    <EmailedLinkPage
      title={intl.formatMessage({ id: 'unsubscribe.title', defaultMessage: 'Unsubscribe' })}
      state={state}
      onRetry={retry}
      invalid={<FormattedMessage id="unsubscribe.invalid" defaultMessage="This link is not valid." />}
    >
      {(item) => (
        item.mandatory ? (
          <p className="alert alert-info" role="status">
            <FormattedMessage
              id="unsubscribe.mandatory"
              defaultMessage="{category} notifications of {account} cannot be unsubscribed from: they must reach the people responsible."
              values={{ category: categoryLabel(intl, item.category), account: <strong>{item.accountName}</strong> }}
            />
          </p>
        ) : item.unsubscribed ? (
          <p className="alert alert-success" role="status">
            <FormattedMessage
              id="unsubscribe.done"
              defaultMessage="{email} no longer receives {category} notifications of {account}."
              values={{ email: <bdi>{item.email}</bdi>, category: categoryLabel(intl, item.category), account: <strong>{item.accountName}</strong> }}
            />
          </p>
        ) : (
          <>
            <p className="login-intro">
              <FormattedMessage
                id="unsubscribe.explain"
                defaultMessage="Stop sending {category} notifications of {account} to {email}? The account's admins can see who unsubscribed."
                values={{ email: <bdi>{item.email}</bdi>, category: categoryLabel(intl, item.category), account: <strong>{item.accountName}</strong> }}
              />
            </p>
            {sendError ? <ErrorAlert error={sendError} /> : null}
            <Button className={pending ? 'button button-primary is-busy' : 'button button-primary'} isDisabled={pending} onPress={() => void confirm()}>
              <FormattedMessage id="unsubscribe.button" defaultMessage="Unsubscribe" />
            </Button>
          </>
        )
      )}
    </EmailedLinkPage>
  );
}
