import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button, CheckboxGroup, Dialog, DialogTrigger, FieldError, Form, Heading, Label, Modal, ModalOverlay } from 'react-aria-components';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import { useEnvironment } from '../../environment';
import { useForm } from '../../forms';
import { useCan } from '../../permissions';
import type { CreateWebhookBody, WebhookDeliveriesPage, WebhookDelivery, WebhookList, WebhookView, WebhookWithSecret } from '../../types';
import { Badge } from '../Badge';
import { Checkbox } from '../Checkbox';
import { DataTable } from '../DataTable';
import { ErrorAlert, LoadFailed, Loading, errorText } from '../Feedback';
import { SubmitButton } from '../FormActions';
import { CATEGORIES, STATUS_NAMES, STATUS_TONE, categoryLabel, type Category } from '../notifications/names';
import { TextField } from '../TextField';

/** A URL as data: always left to right, also inside Hebrew. */
function Url({ url }: { url: string }) {
  return (
    <bdi dir="ltr" className="cell-url">
      {url}
    </bdi>
  );
}

/** The secret, shown once after "Add webhook" or "Rotate secret". */
function SecretNotice({ secret, url, onDismiss }: { secret: string; url: string; onDismiss: () => void }) {
  const intl = useIntl();
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [secret]);
  return (
    <section className="panel secret-panel" aria-labelledby={headingId} tabIndex={-1} ref={ref}>
      <h2 className="panel-title" id={headingId}>
        <FormattedMessage id="webhooks.secret.heading" defaultMessage="Signing secret" />
      </h2>
      <p>
        <FormattedMessage
          id="webhooks.secret.body"
          defaultMessage="Copy the signing secret of {url} now: it is not shown again. Your receiver uses it to check the webhook-signature header of every event."
          values={{ url: <Url url={url} /> }}
        />
      </p>
      <p>
        <code dir="ltr" className="secret-value">
          {secret}
        </code>
      </p>
      <Button className="button" onPress={onDismiss}>
        {intl.formatMessage({ id: 'webhooks.secret.done', defaultMessage: 'I have copied it' })}
      </Button>
    </section>
  );
}

function AddWebhookForm({ accountId, onAdded }: { accountId: string; onAdded: (created: WebhookWithSecret) => void }) {
  const intl = useIntl();
  const [env] = useEnvironment();
  const headingId = useId();
  const form = useForm(
    { url: '', categories: ['emergency', 'technical'] as string[], deliveryEvents: false },
    { webhook_address_refused: 'url', webhook_host_unknown: 'url' },
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, {
      check: ({ url, categories }) => ({
        url: url.trim() ? undefined : intl.formatMessage({ id: 'webhooks.add.url.required', defaultMessage: 'Enter the https:// address of your receiver.' }),
        categories:
          categories.length > 0 ? undefined : intl.formatMessage({ id: 'webhooks.add.categories.required', defaultMessage: 'Choose at least one category.' }),
      }),
      send: async ({ url, categories, deliveryEvents }) => {
        const body: CreateWebhookBody = { url: url.trim(), categories: categories as Category[], env, deliveryEvents };
        const created = await api<WebhookWithSecret>(paths.webhooks(accountId), { method: 'POST', body });
        form.set('url', '');
        onAdded(created);
      },
    });
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 className="panel-title" id={headingId}>
        <FormattedMessage id="webhooks.add.heading" defaultMessage="Add a webhook" />
      </h2>
      <Form className="form-stack" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
        <TextField
          label={intl.formatMessage({ id: 'webhooks.add.url', defaultMessage: 'URL' })}
          description={intl.formatMessage({
            id: 'webhooks.add.url.hint',
            defaultMessage: 'An https:// address on the public internet. Liaison POSTs each event as JSON, signed per Standard Webhooks.',
          })}
          type="url"
          dir="ltr"
          autoComplete="off"
          isRequired
          {...form.field('url')}
        />
        <CheckboxGroup
          ref={form.refOf('categories')}
          className="checkbox-group"
          name="categories"
          value={form.values.categories}
          onChange={(value) => form.set('categories', value)}
          isRequired
          isInvalid={Boolean(form.errors.categories)}
          validationBehavior="aria"
        >
          <Label className="field-label">{intl.formatMessage({ id: 'webhooks.add.categories', defaultMessage: 'Categories' })}</Label>
          <div className="checkbox-list checkbox-list-inline">
            {CATEGORIES.map((category) => (
              <Checkbox key={category} value={category}>
                {categoryLabel(intl, category)}
              </Checkbox>
            ))}
          </div>
          <FieldError className="field-error">{form.errors.categories}</FieldError>
        </CheckboxGroup>
        <Checkbox isSelected={form.values.deliveryEvents} onChange={(selected) => form.set('deliveryEvents', selected)}>
          {intl.formatMessage({ id: 'webhooks.add.deliveryEvents', defaultMessage: 'Also send delivery status events (email sent, retrying, failed)' })}
        </Checkbox>
        <div>
          <SubmitButton pending={form.pending}>{intl.formatMessage({ id: 'webhooks.add.submit', defaultMessage: 'Add webhook' })}</SubmitButton>
        </div>
      </Form>
      {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
    </section>
  );
}

function DeleteWebhookDialog({ url, onConfirm }: { url: string; onConfirm: () => Promise<void> }) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (failure) {
      setError(errorText(intl, failure));
    } finally {
      setPending(false);
    }
  };
  return (
    <DialogTrigger isOpen={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <Button className="button button-small button-danger-quiet" aria-label={intl.formatMessage({ id: 'webhooks.delete.label', defaultMessage: 'Delete {url}' }, { url })}>
        {intl.formatMessage({ id: 'webhooks.delete', defaultMessage: 'Delete' })}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable={!pending}>
        <Modal className="modal modal-small">
          <Dialog className="dialog" role="alertdialog">
            <Heading slot="title" className="dialog-title">
              <FormattedMessage id="webhooks.delete.title" defaultMessage="Delete this webhook?" />
            </Heading>
            <p>
              <FormattedMessage
                id="webhooks.delete.body"
                defaultMessage="Events stop going to {url} at once; those still waiting are dropped. The email contacts are not affected."
                values={{ url: <Url url={url} /> }}
              />
            </p>
            {error ? <ErrorAlert>{error}</ErrorAlert> : null}
            <div className="dialog-actions">
              <Button className="button" slot="close" isDisabled={pending}>
                {intl.formatMessage({ id: 'common.cancel', defaultMessage: 'Cancel' })}
              </Button>
              <Button className={`button button-danger${pending ? ' is-busy' : ''}`} onPress={() => void confirm()}>
                {intl.formatMessage({ id: 'webhooks.delete.confirm', defaultMessage: 'Delete' })}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

/** One destination's delivery log (newest first, the last 50). */
function DeliveryLog({ accountId, webhook, version }: { accountId: string; webhook: WebhookView; version: number }) {
  const intl = useIntl();
  const headingId = useId();
  const [items, setItems] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    setError(null);
    api<WebhookDeliveriesPage>(paths.webhookDeliveries(accountId, webhook.id, { limit: 50 }))
      .then((page) => setItems(page.items))
      .catch(setError);
  }, [accountId, webhook.id]);
  useEffect(load, [load, version]);
  const at = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 className="panel-title" id={headingId}>
        <FormattedMessage id="webhooks.log.heading" defaultMessage="Delivery log of {url}" values={{ url: <Url url={webhook.url} /> }} />
      </h2>
      <Button className="button button-small" onPress={load}>
        {intl.formatMessage({ id: 'webhooks.log.refresh', defaultMessage: 'Refresh' })}
      </Button>
      {error ? <LoadFailed error={error} onRetry={load} /> : null}
      {items === null && !error ? <Loading /> : null}
      {items ? (
        <DataTable
          caption={<FormattedMessage id="webhooks.log.caption" defaultMessage="Deliveries, newest first" />}
          columns={[
            { key: 'at', header: <FormattedMessage id="webhooks.log.column.at" defaultMessage="Time" /> },
            { key: 'event', header: <FormattedMessage id="webhooks.log.column.event" defaultMessage="Event" /> },
            { key: 'status', header: <FormattedMessage id="webhooks.log.column.status" defaultMessage="Status" /> },
            { key: 'attempts', header: <FormattedMessage id="webhooks.log.column.attempts" defaultMessage="Attempts" /> },
            { key: 'error', header: <FormattedMessage id="webhooks.log.column.error" defaultMessage="Last error" /> },
          ]}
          rows={items}
          empty={<FormattedMessage id="webhooks.log.empty" defaultMessage="Nothing was sent to this webhook yet." />}
        >
          {(d) => (
            <tr key={d.id}>
              <td>
                <time dateTime={d.createdAt}>{at(d.createdAt)}</time>
              </td>
              <td>
                <code dir="ltr">{d.eventType}</code>
              </td>
              <td>
                <Badge tone={STATUS_TONE[d.status]}>{intl.formatMessage(STATUS_NAMES[d.status])}</Badge>
              </td>
              <td>{intl.formatNumber(d.attempts)}</td>
              <td>{d.lastError ? <bdi dir="ltr">{d.lastError}</bdi> : null}</td>
            </tr>
          )}
        </DataTable>
      ) : null}
    </section>
  );
}

/**
 * Configuration → Webhooks: the account's destinations ("Add webhook"; per row "Send test event",
 * "Rotate secret", "Delivery log", "Delete") and the chosen destination's delivery log.
 */
export function WebhooksPanel({ accountId }: { accountId: string }) {
  const intl = useIntl();
  const canManage = useCan(accountId)('webhooks.manage');
  const [webhooks, setWebhooks] = useState<WebhookView[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [secret, setSecret] = useState<{ secret: string; url: string } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [logVersion, setLogVersion] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});

  const refresh = useCallback(async () => {
    try {
      setLoadError(null);
      setWebhooks((await api<WebhookList>(paths.webhooks(accountId))).items);
    } catch (error) {
      setLoadError(error);
    }
  }, [accountId]);
  useEffect(() => void refresh(), [refresh]);

  const rowAction = async (webhook: WebhookView, action: () => Promise<string>) => {
    setRowErrors(({ [webhook.id]: _, ...rest }) => rest);
    try {
      setAnnouncement(await action());
      await refresh();
    } catch (error) {
      setRowErrors((errors) => ({ ...errors, [webhook.id]: errorText(intl, error) }));
    }
  };

  const sendTest = (webhook: WebhookView) =>
    rowAction(webhook, async () => {
      await api(paths.webhookAction(accountId, webhook.id, 'test'), { method: 'POST' });
      setSelected(webhook.id);
      // The worker sends at once; look again shortly for the outcome.
      setTimeout(() => setLogVersion((v) => v + 1), 1500);
      setLogVersion((v) => v + 1);
      return intl.formatMessage({ id: 'webhooks.test.done', defaultMessage: 'A test event is on its way to {url}. Its outcome shows in the delivery log.' }, { url: webhook.url });
    });

  const rotate = (webhook: WebhookView) =>
    rowAction(webhook, async () => {
      const rotated = await api<WebhookWithSecret>(paths.webhookAction(accountId, webhook.id, 'rotate-secret'), { method: 'POST', body: {} });
      setSecret({ secret: rotated.secret, url: rotated.url });
      return intl.formatMessage({ id: 'webhooks.rotate.done', defaultMessage: 'New secret for {url}. For 24 hours every event is signed with both the old and the new secret.' }, { url: webhook.url });
    });

  const remove = async (webhook: WebhookView) => {
    await api(paths.webhook(accountId, webhook.id), { method: 'DELETE' });
    if (selected === webhook.id) setSelected(null);
    setAnnouncement(intl.formatMessage({ id: 'webhooks.delete.done', defaultMessage: 'The webhook {url} was deleted.' }, { url: webhook.url }));
    await refresh();
  };

  const chosen = webhooks?.find((w) => w.id === selected) ?? null;
  return (
    <div className="webhooks-panel">
      {secret ? <SecretNotice secret={secret.secret} url={secret.url} onDismiss={() => setSecret(null)} /> : null}
      {canManage && !secret ? (
        <AddWebhookForm
          accountId={accountId}
          onAdded={(created) => {
            setSecret({ secret: created.secret, url: created.url });
            setAnnouncement(intl.formatMessage({ id: 'webhooks.add.done', defaultMessage: 'Webhook {url} added.' }, { url: created.url }));
            void refresh();
          }}
        />
      ) : null}
      <p className="status-message" role="status">
        {announcement}
      </p>
      {loadError ? <LoadFailed error={loadError} onRetry={refresh} /> : null}
      {webhooks === null && !loadError ? <Loading /> : null}
      {webhooks ? (
        <DataTable
          caption={<FormattedMessage id="webhooks.table.caption" defaultMessage="Webhooks of this account (at most 5)" />}
          columns={[
            { key: 'url', header: <FormattedMessage id="webhooks.column.url" defaultMessage="URL" /> },
            { key: 'categories', header: <FormattedMessage id="webhooks.column.categories" defaultMessage="Categories" /> },
            { key: 'status', header: <FormattedMessage id="webhooks.column.status" defaultMessage="Status" /> },
            { key: 'actions', header: <FormattedMessage id="webhooks.column.actions" defaultMessage="Actions" />, hideHeader: true },
          ]}
          rows={webhooks}
          empty={<FormattedMessage id="webhooks.empty" defaultMessage="No webhooks yet: notifications go by email only." />}
        >
          {(webhook) => (
            <tr key={webhook.id}>
              <td>
                <Url url={webhook.url} />
              </td>
              <td>{intl.formatList(webhook.categories.map((c) => categoryLabel(intl, c)), { type: 'conjunction' })}</td>
              <td>
                {webhook.status === 'disabled' ? (
                  <Badge tone="danger">
                    <FormattedMessage id="webhooks.status.disabled" defaultMessage="Disabled after failing" />
                  </Badge>
                ) : webhook.failingSince ? (
                  <Badge tone="warning">
                    <FormattedMessage
                      id="webhooks.status.failing"
                      defaultMessage="Failing since {at}"
                      values={{ at: intl.formatDate(webhook.failingSince, { dateStyle: 'medium', timeStyle: 'short' }) }}
                    />
                  </Badge>
                ) : (
                  <Badge tone="success">
                    <FormattedMessage id="webhooks.status.enabled" defaultMessage="Enabled" />
                  </Badge>
                )}
              </td>
              <td className="cell-actions">
                <div className="row-actions">
                  <Button
                    className="button button-small"
                    aria-label={intl.formatMessage({ id: 'webhooks.log.label', defaultMessage: 'Delivery log of {url}' }, { url: webhook.url })}
                    onPress={() => setSelected(webhook.id)}
                  >
                    {intl.formatMessage({ id: 'webhooks.log', defaultMessage: 'Delivery log' })}
                  </Button>
                  {canManage ? (
                    <>
                      <Button
                        className="button button-small"
                        aria-label={intl.formatMessage({ id: 'webhooks.test.label', defaultMessage: 'Send test event to {url}' }, { url: webhook.url })}
                        onPress={() => void sendTest(webhook)}
                      >
                        {intl.formatMessage({ id: 'webhooks.test', defaultMessage: 'Send test event' })}
                      </Button>
                      <Button
                        className="button button-small"
                        aria-label={intl.formatMessage({ id: 'webhooks.rotate.label', defaultMessage: 'Rotate secret of {url}' }, { url: webhook.url })}
                        onPress={() => void rotate(webhook)}
                      >
                        {intl.formatMessage({ id: 'webhooks.rotate', defaultMessage: 'Rotate secret' })}
                      </Button>
                      <DeleteWebhookDialog url={webhook.url} onConfirm={() => remove(webhook)} />
                    </>
                  ) : null}
                </div>
                {rowErrors[webhook.id] ? <ErrorAlert>{rowErrors[webhook.id]}</ErrorAlert> : null}
              </td>
            </tr>
          )}
        </DataTable>
      ) : null}
      {chosen ? <DeliveryLog accountId={accountId} webhook={chosen} version={logVersion} /> : null}
    </div>
  );
}
