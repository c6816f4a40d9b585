import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button, Form } from 'react-aria-components';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import { useForm } from '../../forms';
import type { AcceptedNotification } from '../../types';
import { CONTACT_FIELD_NAMES } from '../contactFields';
import { ErrorAlert } from '../Feedback';
import { SubmitButton } from '../FormActions';
import { type Category } from '../notifications/names';
import { CategoryAndEnvironment, MessageField, type NotificationEnv } from './NotificationFields';
import { TextField } from '../TextField';

type Recipients = { category: Category; recipients: AcceptedNotification['recipients'] };
type Env = NotificationEnv;

/**
 * "Send notification" (operators): category, environment, title, body and an optional dedup key.
 * "Show recipients" asks who the category reaches now; sending is possible once they were shown
 * for the chosen category and environment.
 */
export function SendNotificationForm({ accountId, onSent }: { accountId: string; onSent: () => void }) {
  const intl = useIntl();
  const headingId = useId();
  const form = useForm({ category: 'technical' as Category, env: 'production' as Env, title: '', body: '', dedupKey: '' });
  const [preview, setPreview] = useState<(Recipients & { env: Env }) | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [sent, setSent] = useState<AcceptedNotification | null>(null);
  const { category, env } = form.values;
  const shown = preview && preview.category === category && preview.env === env ? preview : null;

  const showRecipients = async () => {
    setPreviewError(null);
    setSent(null);
    try {
      setPreview({ ...(await api<Recipients>(paths.routes(accountId, { category, env }))), env });
    } catch (error) {
      setPreview(null);
      setPreviewError(error instanceof Error ? error.message : String(error));
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, {
      check: ({ title }) => (title.trim() ? {} : { title: intl.formatMessage({ id: 'sendNotification.titleRequired', defaultMessage: 'Enter a title.' }) }),
      send: async (values) => {
        const accepted = await api<AcceptedNotification>(paths.raiseNotification(accountId), {
          method: 'POST',
          body: { category: values.category, env: values.env, title: values.title.trim(), body: values.body, ...(values.dedupKey.trim() ? { dedupKey: values.dedupKey.trim() } : {}) },
        });
        setSent(accepted);
        setPreview(null);
        form.set('title', '');
        form.set('body', '');
        form.set('dedupKey', '');
        onSent();
      },
    });

  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 className="page-section-title" id={headingId}>
        <FormattedMessage id="sendNotification.heading" defaultMessage="Send notification" />
      </h2>
      <Form className="stacked-form" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
        <div className="form-row">
          <CategoryAndEnvironment
            category={category}
            env={env}
            onCategory={(value) => form.set('category', value)}
            onEnv={(value) => form.set('env', value)}
          />
        </div>
        <TextField {...form.field('title')} label={intl.formatMessage({ id: 'sendNotification.title', defaultMessage: 'Title' })} isRequired />
        <MessageField value={form.values.body} onChange={(value) => form.set('body', value)} />
        <TextField
          {...form.field('dedupKey')}
          label={intl.formatMessage({ id: 'sendNotification.dedupKey', defaultMessage: 'Dedup key (optional)' })}
          description={intl.formatMessage({ id: 'sendNotification.dedupKey.description', defaultMessage: 'A repeat with the same key within 4 hours is counted, not sent again.' })}
        />
        <div className="form-row">
          <Button className="button" onPress={() => void showRecipients()}>
            <FormattedMessage id="sendNotification.preview" defaultMessage="Show recipients" />
          </Button>
          {shown && shown.recipients.length > 0 ? (
            <SubmitButton pending={form.pending} className="form-row-button">
              {intl.formatMessage({ id: 'sendNotification.submit', defaultMessage: 'Send notification' })}
            </SubmitButton>
          ) : null}
        </div>
        {shown ? (
          <div className="alert alert-info" role="status">
            {shown.recipients.length === 0 ? (
              <FormattedMessage id="sendNotification.nobody" defaultMessage="Nobody receives this category for this account yet." />
            ) : (
              <>
                <p>
                  <FormattedMessage
                    id="sendNotification.recipients"
                    defaultMessage="It will go to {count, plural, one {# recipient} other {# recipients}}:"
                    values={{ count: shown.recipients.length }}
                  />
                </p>
                <ul className="recipient-list">
                  {shown.recipients.map((r) => (
                    <li key={`${r.field}:${r.email}`}>
                      <bdi>{r.email}</bdi> ({intl.formatMessage(CONTACT_FIELD_NAMES[r.field])})
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        ) : null}
        {previewError ? <ErrorAlert>{previewError}</ErrorAlert> : null}
        {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
        {sent ? (
          <p className="alert alert-success" role="status">
            <FormattedMessage
              id="sendNotification.sent"
              defaultMessage="Notification accepted for {count, plural, one {# recipient} other {# recipients}}."
              values={{ count: sent.recipients.length }}
            />
          </p>
        ) : null}
      </Form>
    </section>
  );
}
