import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button, Form } from 'react-aria-components';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { ErrorAlert } from '../../components/Feedback';
import { SubmitButton } from '../../components/FormActions';
import { categoryLabel, type Category } from '../../components/notifications/names';
import { CategoryAndEnvironment, MessageField, type NotificationEnv } from '../../components/operator/NotificationFields';
import { BroadcastList } from '../../components/operator/BroadcastList';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useForm } from '../../forms';
import { useIntegrationTypes } from '../../integrations';
import type { Broadcast } from '../../types';

type Env = NotificationEnv;
const EVERY_ACCOUNT = '*';

/**
 * `/operator/broadcasts`: one notification to a category's contacts of many accounts (every
 * account, or those with one integration), accepted as one job that fans out in the background;
 * below it, the latest broadcasts with their progress. Sending asks for a second press, after
 * saying whom it reaches: a broadcast cannot be called back.
 */
export function BroadcastsPage() {
  const intl = useIntl();
  const { types } = useIntegrationTypes();
  useDocumentTitle(intl.formatMessage({ id: 'broadcast.title', defaultMessage: 'Broadcasts' }));
  const form = useForm({ category: 'technical' as Category, env: 'production' as Env, audience: EVERY_ACCOUNT, title: '', body: '' });
  const [reviewing, setReviewing] = useState(false);
  const [accepted, setAccepted] = useState<Broadcast | null>(null);
  const [version, setVersion] = useState(0);
  const { category, env, audience } = form.values;
  const audienceName =
    audience === EVERY_ACCOUNT
      ? intl.formatMessage({ id: 'broadcast.audience.all', defaultMessage: 'every account' })
      : intl.formatMessage(
          { id: 'broadcast.audience.integration', defaultMessage: 'the accounts with {integration}' },
          { integration: types?.find((t) => t.type === audience)?.name ?? audience },
        );

  // Any change to the form asks for the review again.
  const set = <K extends keyof typeof form.values>(key: K, value: (typeof form.values)[K]) => {
    form.set(key, value);
    setReviewing(false);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, {
      check: ({ title }) => (title.trim() ? {} : { title: intl.formatMessage({ id: 'sendNotification.titleRequired', defaultMessage: 'Enter a title.' }) }),
      send: async (values) => {
        if (!reviewing) {
          setAccepted(null);
          setReviewing(true);
          return;
        }
        const broadcast = await api<Broadcast>(paths.broadcasts(), {
          method: 'POST',
          body: {
            category: values.category,
            env: values.env,
            title: values.title.trim(),
            body: values.body,
            integrationType: values.audience === EVERY_ACCOUNT ? null : values.audience,
          },
        });
        setAccepted(broadcast);
        setReviewing(false);
        form.set('title', '');
        form.set('body', '');
        setVersion((v) => v + 1);
      },
    });

  return (
    <>
      <PageHeading
        title={<FormattedMessage id="broadcast.title" defaultMessage="Broadcasts" />}
        description={
          <FormattedMessage
            id="broadcast.description"
            defaultMessage="One notification to the contacts of a category in many accounts at once, for example an API change for every technical contact. It is sent in the background; its progress shows below."
          />
        }
      />
      <section className="page-section" aria-labelledby="broadcast-new-heading">
        <h2 className="page-section-title" id="broadcast-new-heading">
          <FormattedMessage id="broadcast.new" defaultMessage="New broadcast" />
        </h2>
        <Form className="stacked-form" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
          <div className="form-row">
            <CategoryAndEnvironment
              category={category}
              env={env}
              onCategory={(value) => set('category', value)}
              onEnv={(value) => set('env', value)}
            />
            <SelectField
              layout="stacked"
              name="audience"
              label={intl.formatMessage({ id: 'broadcast.audience', defaultMessage: 'Accounts' })}
              options={[
                { id: EVERY_ACCOUNT, label: intl.formatMessage({ id: 'broadcast.audience.allOption', defaultMessage: 'Every account' }) },
                ...(types ?? []).map((t) => ({
                  id: t.type,
                  label: intl.formatMessage({ id: 'broadcast.audience.integrationOption', defaultMessage: 'With {integration}' }, { integration: t.name }),
                })),
              ]}
              value={audience}
              onChange={(value) => set('audience', value)}
            />
          </div>
          <TextField
            {...form.field('title')}
            onChange={(value: string) => set('title', value)}
            label={intl.formatMessage({ id: 'sendNotification.title', defaultMessage: 'Title' })}
            isRequired
          />
          <MessageField value={form.values.body} onChange={(value) => set('body', value)} rows={5} />
          {reviewing ? (
            <div className="alert alert-info" role="status">
              <FormattedMessage
                id="broadcast.review"
                defaultMessage="It goes to the {category} contacts of {audience}, in {env}. A broadcast cannot be called back."
                values={{
                  category: categoryLabel(intl, category),
                  audience: audienceName,
                  env:
                    env === 'production'
                      ? intl.formatMessage({ id: 'environment.production', defaultMessage: 'Production' })
                      : intl.formatMessage({ id: 'environment.sandbox', defaultMessage: 'Sandbox' }),
                }}
              />
            </div>
          ) : null}
          <div className="form-row">
            <SubmitButton pending={form.pending} className={reviewing ? 'form-row-button button-danger' : 'form-row-button'}>
              {reviewing
                ? intl.formatMessage({ id: 'broadcast.confirm', defaultMessage: 'Send to all of them' })
                : intl.formatMessage({ id: 'broadcast.reviewButton', defaultMessage: 'Review broadcast' })}
            </SubmitButton>
            {reviewing ? (
              <Button className="button" onPress={() => setReviewing(false)}>
                <FormattedMessage id="broadcast.back" defaultMessage="Change it" />
              </Button>
            ) : null}
          </div>
          {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
          {accepted ? (
            <p className="alert alert-success" role="status">
              <FormattedMessage
                id="broadcast.accepted"
                defaultMessage="Broadcast accepted for {count, plural, one {# account} other {# accounts}}: it is being sent."
                values={{ count: accepted.accountsTotal }}
              />
            </p>
          ) : null}
        </Form>
      </section>
      <section className="page-section" aria-labelledby="broadcast-list-heading">
        <h2 className="page-section-title" id="broadcast-list-heading">
          <FormattedMessage id="broadcast.latest" defaultMessage="Latest broadcasts" />
        </h2>
        <BroadcastList version={version} />
      </section>
    </>
  );
}
