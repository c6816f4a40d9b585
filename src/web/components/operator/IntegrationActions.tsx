import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button, Form } from 'react-aria-components';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import { useForm } from '../../forms';
import { useIntegrationTypes } from '../../integrations';
import type { AccountDetail } from '../../types';
import { Badge } from '../Badge';
import { ErrorAlert } from '../Feedback';
import { SubmitButton } from '../FormActions';
import { TextField } from '../TextField';

type Integration = AccountDetail['integrations'][number];

/** One integration with "Disable integration" / "Enable integration": a reason first (required to disable). */
function IntegrationRow({ accountId, integration, onChanged }: { accountId: string; integration: Integration; onChanged: (account: AccountDetail) => void }) {
  const intl = useIntl();
  const { nameOf } = useIntegrationTypes();
  const [open, setOpen] = useState(false);
  const form = useForm({ reason: '' });
  const disabling = integration.status === 'enabled';
  const name = nameOf(integration.type);
  const actionLabel = disabling
    ? intl.formatMessage({ id: 'integrationActions.disable', defaultMessage: 'Disable integration' })
    : intl.formatMessage({ id: 'integrationActions.enable', defaultMessage: 'Enable integration' });

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, {
      check: ({ reason }) =>
        disabling && !reason.trim() ? { reason: intl.formatMessage({ id: 'integrationActions.reasonRequired', defaultMessage: 'Give a reason: the technical emergency contacts will read it.' }) } : {},
      send: async ({ reason }) => {
        const account = await api<AccountDetail>(paths.integrationStatus(accountId, integration.type, disabling ? 'disable' : 'enable'), {
          method: 'POST',
          body: reason.trim() ? { reason: reason.trim() } : {},
        });
        setOpen(false);
        form.set('reason', '');
        onChanged(account);
      },
    });

  return (
    <li className="integration-action">
      <div className="integration-action-summary">
        <span>{name}</span>{' '}
        {integration.status === 'enabled' ? (
          <Badge tone="success"><FormattedMessage id="account.integration.enabled" defaultMessage="Enabled" /></Badge>
        ) : (
          <Badge tone="danger"><FormattedMessage id="account.integration.disabled" defaultMessage="Disabled" /></Badge>
        )}{' '}
        {open ? null : (
          <Button className={disabling ? 'button button-danger' : 'button'} onPress={() => setOpen(true)} aria-label={`${actionLabel}: ${name}`}>
            {actionLabel}
          </Button>
        )}
      </div>
      {open ? (
        <Form className="form-row" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
          <TextField
            {...form.field('reason')}
            label={
              disabling
                ? intl.formatMessage({ id: 'integrationActions.reason', defaultMessage: 'Reason (sent to the technical emergency contacts)' })
                : intl.formatMessage({ id: 'integrationActions.reasonOptional', defaultMessage: 'Reason (optional)' })
            }
            isRequired={disabling}
            autoFocus
          />
          <SubmitButton pending={form.pending} className="form-row-button">
            {actionLabel}
          </SubmitButton>
          <Button className="button button-quiet form-row-button" onPress={() => setOpen(false)}>
            <FormattedMessage id="common.cancel" defaultMessage="Cancel" />
          </Button>
          {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
        </Form>
      ) : null}
    </li>
  );
}

/** The operator's integrations panel: each integration with its status and its switch. */
export function IntegrationActions({ account, onChanged }: { account: AccountDetail; onChanged: (account: AccountDetail) => void }) {
  const headingId = useId();
  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 className="page-section-title" id={headingId}>
        <FormattedMessage id="account.integrations" defaultMessage="Integrations" />
      </h2>
      <ul className="integration-actions">
        {account.integrations.map((integration) => (
          <IntegrationRow key={integration.type} accountId={account.id} integration={integration} onChanged={onChanged} />
        ))}
      </ul>
    </section>
  );
}
