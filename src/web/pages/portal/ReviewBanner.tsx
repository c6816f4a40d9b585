import { useState } from 'react';
import { Button, Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import { ErrorAlert } from '../../components/Feedback';
import { useCan } from '../../permissions';
import type { ContactInfoView } from '../../types';
import { useResource } from '../../useResource';

/**
 * The yearly review of the contact information, above every page of the portal: once the admins
 * were asked (and more so once the account is stale), a banner asks to check the contact
 * information and confirm it with one click. No lockout. The reminder email links here (#review).
 */
export function ReviewBanner({ accountId, accountName, contactInfoHref }: { accountId: string; accountName: string; contactInfoHref: string }) {
  const intl = useIntl();
  const can = useCan(accountId);
  const { state, reload } = useResource<ContactInfoView>(paths.contactInfo(accountId, 'production'));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <p className="alert alert-success review-banner" role="status">
        <FormattedMessage id="review.done" defaultMessage="Thank you: the contact information is confirmed for another year." />
      </p>
    );
  }
  if (state.status !== 'ready') return null;
  const review = state.data.review;
  if (!review || (!review.remindedAt && !review.stale)) return null;

  const confirm = async () => {
    setPending(true);
    setError(undefined);
    try {
      await api(paths.contactReview(accountId), { method: 'POST' });
      setDone(true);
      await reload();
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  const date = (at: string) => intl.formatDate(at, { dateStyle: 'long' });

  return (
    <section id="review" className={review.stale ? 'alert alert-error review-banner' : 'alert alert-info review-banner'} aria-labelledby="review-heading">
      <p id="review-heading" className="review-banner-title">
        {review.stale ? (
          <FormattedMessage id="review.stale.title" defaultMessage="The contact information is stale" />
        ) : (
          <FormattedMessage id="review.due.title" defaultMessage="Is the contact information still right?" />
        )}
      </p>
      <p>
        {review.stale ? (
          <FormattedMessage
            id="review.stale.body"
            defaultMessage="The contact information of {account} was last confirmed on {confirmedAt} and was not confirmed again in time. Check it, then confirm it is still right."
            values={{ account: <bdi>{accountName}</bdi>, confirmedAt: date(review.confirmedAt) }}
          />
        ) : (
          <FormattedMessage
            id="review.due.body"
            defaultMessage="The contact information of {account} was last confirmed on {confirmedAt}. Check it and confirm it is still right by {deadline}; after that the account is marked stale."
            values={{ account: <bdi>{accountName}</bdi>, confirmedAt: date(review.confirmedAt), deadline: date(review.dueAt) }}
          />
        )}{' '}
        <Link href={contactInfoHref}>
          <FormattedMessage id="review.check" defaultMessage="Check the contact information" />
        </Link>
      </p>
      {error ? <ErrorAlert error={error} /> : null}
      {can('contactInfo.write') ? (
        <Button className={pending ? 'button button-primary is-busy' : 'button button-primary'} isDisabled={pending} onPress={() => void confirm()}>
          <FormattedMessage id="review.confirm" defaultMessage="Confirm contact information" />
        </Button>
      ) : (
        <p>
          <FormattedMessage id="review.askEditor" defaultMessage="Admins and editors of the account can confirm it." />
        </p>
      )}
    </section>
  );
}
