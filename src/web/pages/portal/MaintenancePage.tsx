import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { FormattedMessage, defineMessages, useIntl, type MessageDescriptor } from 'react-intl';
import { Button, Form } from 'react-aria-components';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import { Badge } from '../../components/Badge';
import { DataTable } from '../../components/DataTable';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { ErrorAlert, LoadFailed, Loading, errorText } from '../../components/Feedback';
import { SubmitButton } from '../../components/FormActions';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useForm } from '../../forms';
import { useIntegrationTypes } from '../../integrations';
import { useCan } from '../../permissions';
import type { CreateMaintenanceBody, MaintenanceList, MaintenanceWindowView } from '../../types';
import { useAccount } from './AccountContext';
import { ConfigurationHeading } from './ConfigurationHeading';

const endedMessages: Record<'released' | 'dropped', MessageDescriptor> = defineMessages({
  released: { id: 'maintenance.ended.released', defaultMessage: 'Maintenance of {integration} ended; held notifications are being sent.' },
  dropped: { id: 'maintenance.ended.dropped', defaultMessage: 'Maintenance of {integration} ended; held notifications were dropped.' },
});

/** `datetime-local` wants local "YYYY-MM-DDTHH:MM". */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `/accounts/{id}/configuration/maintenance`: windows during which alert and technical notifications of an integration are held. */
export function MaintenancePage() {
  const intl = useIntl();
  const { accountId, account, membership } = useAccount();
  const canManage = useCan(accountId)('maintenance.manage');
  const catalog = useIntegrationTypes();
  const headingId = useId();
  useDocumentTitle(intl.formatMessage({ id: 'maintenance.documentTitle', defaultMessage: 'Maintenance: {account}' }, { account: membership.accountName }));

  const [items, setItems] = useState<MaintenanceWindowView[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const refresh = useCallback(async () => {
    try {
      setLoadError(null);
      setItems((await api<MaintenanceList>(paths.maintenanceWindows(accountId))).items);
    } catch (error) {
      setLoadError(error);
    }
  }, [accountId]);
  useEffect(() => void refresh(), [refresh]);

  const now = new Date();
  const form = useForm({
    integration: account.integrations[0]?.type ?? '',
    startsAt: localInput(now),
    endsAt: localInput(new Date(now.getTime() + 2 * 60 * 60 * 1000)),
    reason: '',
    atEnd: 'release' as 'release' | 'drop',
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, {
      check: ({ reason, startsAt, endsAt }) => ({
        reason: reason.trim() ? undefined : intl.formatMessage({ id: 'maintenance.reason.required', defaultMessage: 'Say why, for the partner and the audit log.' }),
        startsAt: Number.isNaN(Date.parse(startsAt)) ? intl.formatMessage({ id: 'maintenance.time.required', defaultMessage: 'Enter a date and time.' }) : undefined,
        endsAt: Number.isNaN(Date.parse(endsAt)) ? intl.formatMessage({ id: 'maintenance.time.required', defaultMessage: 'Enter a date and time.' }) : undefined,
      }),
      send: async (values) => {
        const body: CreateMaintenanceBody = {
          integration: values.integration,
          startsAt: new Date(values.startsAt).toISOString(),
          endsAt: new Date(values.endsAt).toISOString(),
          reason: values.reason.trim(),
          atEnd: values.atEnd,
        };
        await api(paths.maintenanceWindows(accountId), { method: 'POST', body });
        form.set('reason', '');
        setAnnouncement(intl.formatMessage({ id: 'maintenance.scheduled', defaultMessage: 'Maintenance of {integration} scheduled.' }, { integration: catalog.nameOf(values.integration) }));
        await refresh();
      },
    });

  const endNow = async (window: MaintenanceWindowView) => {
    setRowErrors(({ [window.id]: _, ...rest }) => rest);
    try {
      await api(paths.endMaintenanceWindow(accountId, window.id), { method: 'POST' });
      setAnnouncement(intl.formatMessage(window.atEnd === 'release' ? endedMessages.released : endedMessages.dropped, { integration: catalog.nameOf(window.integration) }));
      await refresh();
    } catch (error) {
      setRowErrors((errors) => ({ ...errors, [window.id]: errorText(intl, error) }));
    }
  };

  const at = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const atEndOptions = [
    { id: 'release', label: intl.formatMessage({ id: 'maintenance.atEnd.release', defaultMessage: 'Send held notifications' }) },
    { id: 'drop', label: intl.formatMessage({ id: 'maintenance.atEnd.drop', defaultMessage: 'Drop held notifications' }) },
  ];
  return (
    <>
      <ConfigurationHeading
        title={<FormattedMessage id="maintenance.title" defaultMessage="Maintenance" />}
        description={intl.formatMessage({
          id: 'maintenance.description',
          defaultMessage: 'During a maintenance window, new alert and technical notifications of the integration are held, then sent or dropped at the end. Emergency notifications always go out.',
        })}
      />
      {canManage ? (
        <section className="panel" aria-labelledby={headingId}>
          <h2 className="panel-title" id={headingId}>
            <FormattedMessage id="maintenance.add.heading" defaultMessage="Schedule maintenance" />
          </h2>
          <Form className="form-stack" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
            <SelectField
              layout="stacked"
              name="integration"
              label={intl.formatMessage({ id: 'maintenance.integration', defaultMessage: 'Integration' })}
              options={account.integrations.map((i) => ({ id: i.type, label: catalog.nameOf(i.type) }))}
              value={form.values.integration}
              onChange={(value) => form.set('integration', value)}
              error={form.errors.integration}
            />
            <div className="form-row">
              <TextField label={intl.formatMessage({ id: 'maintenance.startsAt', defaultMessage: 'Start' })} type="datetime-local" isRequired {...form.field('startsAt')} />
              <TextField label={intl.formatMessage({ id: 'maintenance.endsAt', defaultMessage: 'End' })} type="datetime-local" isRequired {...form.field('endsAt')} />
            </div>
            <TextField label={intl.formatMessage({ id: 'maintenance.reason', defaultMessage: 'Reason' })} isRequired {...form.field('reason')} />
            <SelectField
              layout="stacked"
              name="atEnd"
              label={intl.formatMessage({ id: 'maintenance.atEnd', defaultMessage: 'At the end' })}
              options={atEndOptions}
              value={form.values.atEnd}
              onChange={(value) => form.set('atEnd', value === 'drop' ? 'drop' : 'release')}
            />
            <div>
              <SubmitButton pending={form.pending}>{intl.formatMessage({ id: 'maintenance.add.submit', defaultMessage: 'Schedule maintenance' })}</SubmitButton>
            </div>
          </Form>
          {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
        </section>
      ) : null}
      <p className="status-message" role="status">
        {announcement}
      </p>
      {loadError ? <LoadFailed error={loadError} onRetry={refresh} /> : null}
      {items === null && !loadError ? <Loading /> : null}
      {items ? (
        <DataTable
          caption={<FormattedMessage id="maintenance.table.caption" defaultMessage="Maintenance windows" />}
          columns={[
            { key: 'integration', header: <FormattedMessage id="maintenance.column.integration" defaultMessage="Integration" /> },
            { key: 'when', header: <FormattedMessage id="maintenance.column.when" defaultMessage="Period" /> },
            { key: 'reason', header: <FormattedMessage id="maintenance.column.reason" defaultMessage="Reason" /> },
            { key: 'status', header: <FormattedMessage id="maintenance.column.status" defaultMessage="Status" /> },
            { key: 'held', header: <FormattedMessage id="maintenance.column.held" defaultMessage="Held notifications" /> },
            ...(canManage ? [{ key: 'actions', header: <FormattedMessage id="maintenance.column.actions" defaultMessage="Actions" />, hideHeader: true }] : []),
          ]}
          rows={items}
          empty={<FormattedMessage id="maintenance.empty" defaultMessage="No maintenance windows." />}
        >
          {(window) => {
            const on = window.status === 'scheduled' && Date.parse(window.startsAt) <= Date.now();
            return (
              <tr key={window.id}>
                <td>{catalog.nameOf(window.integration)}</td>
                <td>
                  <time dateTime={window.startsAt}>{at(window.startsAt)}</time> – <time dateTime={window.endsAt}>{at(window.endsAt)}</time>
                </td>
                <td>
                  <bdi>{window.reason}</bdi>
                </td>
                <td>
                  {window.status === 'ended' ? (
                    <Badge tone="neutral">
                      <FormattedMessage id="maintenance.status.ended" defaultMessage="Ended" />
                    </Badge>
                  ) : on ? (
                    <Badge tone="warning">
                      <FormattedMessage id="maintenance.status.on" defaultMessage="In progress" />
                    </Badge>
                  ) : (
                    <Badge tone="neutral">
                      <FormattedMessage id="maintenance.status.scheduled" defaultMessage="Scheduled" />
                    </Badge>
                  )}
                </td>
                <td>
                  {intl.formatNumber(window.held)} ({window.atEnd === 'release' ? atEndOptions[0]!.label : atEndOptions[1]!.label})
                </td>
                {canManage ? (
                  <td className="cell-actions">
                    {window.status === 'scheduled' ? (
                      <Button
                        className="button button-small"
                        aria-label={intl.formatMessage({ id: 'maintenance.endNow.label', defaultMessage: 'End maintenance of {integration} now' }, { integration: catalog.nameOf(window.integration) })}
                        onPress={() => void endNow(window)}
                      >
                        {intl.formatMessage({ id: 'maintenance.endNow', defaultMessage: 'End now' })}
                      </Button>
                    ) : null}
                    {rowErrors[window.id] ? <ErrorAlert>{rowErrors[window.id]}</ErrorAlert> : null}
                  </td>
                ) : null}
              </tr>
            );
          }}
        </DataTable>
      ) : null}
    </>
  );
}
