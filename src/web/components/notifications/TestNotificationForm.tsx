import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Form } from 'react-aria-components';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import { EnvLink } from '../../environment';
import { useForm } from '../../forms';
import type { AcceptedNotification } from '../../types';
import { ErrorAlert } from '../Feedback';
import { SubmitButton } from '../FormActions';
import { SelectField } from '../SelectField';
import { CATEGORIES, categoryLabel, type Category } from './names';

/**
 * "Send test notification": real emails, marked as a test, to whoever a category reaches now,
 * so a partner sees its routing work end to end. The answer lists who was sent one.
 */
export function TestNotificationForm({ accountId, notificationsHref }: { accountId: string; notificationsHref: string }) {
  const intl = useIntl();
  const headingId = useId();
  const form = useForm({ category: 'technical' as Category });
  const [sent, setSent] = useState<AcceptedNotification | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, {
      send: async ({ category }) => {
        setSent(null);
        setSent(await api<AcceptedNotification>(paths.testNotification(accountId), { method: 'POST', body: { category } }));
      },
    });

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 className="panel-title" id={headingId}>
        <FormattedMessage id="testNotification.heading" defaultMessage="Check the routing" />
      </h2>
      <p className="field-description">
        <FormattedMessage
          id="testNotification.intro"
          defaultMessage="Send a real email, marked as a test, to everyone who receives a category now. Up to 10 tests an hour."
        />
      </p>
      <Form className="form-row" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
        <SelectField
          layout="stacked"
          name="category"
          label={intl.formatMessage({ id: 'testNotification.category', defaultMessage: 'Category' })}
          options={CATEGORIES.map((c) => ({ id: c, label: categoryLabel(intl, c) }))}
          value={form.values.category}
          onChange={(value) => form.set('category', value as Category)}
        />
        <SubmitButton pending={form.pending} className="form-row-button">
          {intl.formatMessage({ id: 'testNotification.submit', defaultMessage: 'Send test notification' })}
        </SubmitButton>
      </Form>
      {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
      {sent ? (
        <div className="alert alert-success" role="status">
          <p>
            <FormattedMessage
              id="testNotification.sent"
              defaultMessage="Test sent to {count, plural, one {# recipient} other {# recipients}}: {recipients}."
              values={{
                count: sent.recipients.length,
                recipients: intl.formatList(sent.recipients.map((r) => <bdi key={r.email}>{r.email}</bdi>)),
              }}
            />{' '}
            <EnvLink to={notificationsHref}>
              <FormattedMessage id="testNotification.follow" defaultMessage="Follow its delivery on the Notifications page" />
            </EnvLink>
          </p>
        </div>
      ) : null}
    </section>
  );
}
