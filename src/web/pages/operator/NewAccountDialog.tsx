import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button, CheckboxGroup, Dialog, DialogTrigger, FieldError, Form, Heading, Label, Modal, ModalOverlay, Text } from 'react-aria-components';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import { Checkbox } from '../../components/Checkbox';
import { LoadFailed, Loading } from '../../components/Feedback';
import { FormActions } from '../../components/FormActions';
import { TextField } from '../../components/TextField';
import { useForm } from '../../forms';
import { useIntegrationTypes } from '../../integrations';
import type { AccountDetail, CreateAccountBody } from '../../types';

/** Button "New account" and its dialog: "Name", "Integrations", "Admin email", button "Create account". */
export function NewAccountDialog({ onCreated }: { onCreated: (account: AccountDetail, adminEmail: string) => void }) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  return (
    <DialogTrigger isOpen={open} onOpenChange={setOpen}>
      <Button className="button button-primary">{intl.formatMessage({ id: 'accounts.new', defaultMessage: 'New account' })}</Button>
      <ModalOverlay className="modal-overlay">
        <Modal className="modal">
          <Dialog className="dialog">
            <NewAccountForm
              onCancel={() => setOpen(false)}
              onCreated={(account, adminEmail) => {
                setOpen(false);
                onCreated(account, adminEmail);
              }}
            />
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function NewAccountForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (account: AccountDetail, adminEmail: string) => void }) {
  const intl = useIntl();
  const catalog = useIntegrationTypes();
  const form = useForm({ name: '', integrations: [] as string[], adminEmail: '' });

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(event, {
      check: ({ name, integrations, adminEmail }) => ({
        name: name.trim() ? undefined : intl.formatMessage({ id: 'accounts.new.name.required', defaultMessage: "Enter the partner's name." }),
        integrations:
          integrations.length > 0
            ? undefined
            : intl.formatMessage({ id: 'accounts.new.integrations.required', defaultMessage: 'Choose at least one integration.' }),
        adminEmail: adminEmail.trim()
          ? undefined
          : intl.formatMessage({ id: 'accounts.new.adminEmail.required', defaultMessage: "Enter the email address of the partner's first admin." }),
      }),
      send: async ({ name, integrations, adminEmail }) => {
        const body: CreateAccountBody = { name: name.trim(), integrations, adminEmail: adminEmail.trim() };
        const account = await api<AccountDetail>(paths.accounts(), { method: 'POST', body });
        onCreated(account, adminEmail.trim());
      },
    });

  return (
    <>
      <Heading slot="title" className="dialog-title">
        <FormattedMessage id="accounts.new.title" defaultMessage="New account" />
      </Heading>
      <p className="dialog-intro">
        <FormattedMessage
          id="accounts.new.intro"
          defaultMessage="Creates the partner's account and emails an invitation to its first admin, who can then invite colleagues."
        />
      </p>
      <Form className="dialog-form" validationBehavior="aria" onSubmit={(event) => void onSubmit(event)}>
        <TextField
          label={intl.formatMessage({ id: 'accounts.new.name', defaultMessage: 'Name' })}
          autoComplete="organization"
          isRequired
          autoFocus
          {...form.field('name')}
        />
        <CheckboxGroup
          ref={form.refOf('integrations')}
          className="checkbox-group"
          name="integrations"
          value={form.values.integrations}
          onChange={(value) => form.set('integrations', value)}
          isRequired
          isInvalid={Boolean(form.errors.integrations)}
          validationBehavior="aria"
        >
          <Label className="field-label">{intl.formatMessage({ id: 'accounts.new.integrations', defaultMessage: 'Integrations' })}</Label>
          <Text slot="description" className="field-description">
            <FormattedMessage
              id="accounts.new.integrations.hint"
              defaultMessage="What the partner integrates; some integrations add the merchant-issue contact to what the partner must fill in."
            />
          </Text>
          {catalog.types === null && !catalog.error ? <Loading /> : null}
          {catalog.error ? <LoadFailed error={catalog.error} onRetry={catalog.retry} /> : null}
          <div className="checkbox-list">
            {(catalog.types ?? []).map((type) => (
              <Checkbox key={type.type} value={type.type}>
                {type.name}
              </Checkbox>
            ))}
          </div>
          <FieldError className="field-error">{form.errors.integrations}</FieldError>
        </CheckboxGroup>
        <TextField
          label={intl.formatMessage({ id: 'accounts.new.adminEmail', defaultMessage: 'Admin email' })}
          type="email"
          autoComplete="off"
          isRequired
          {...form.field('adminEmail')}
        />
        <FormActions
          error={form.formError}
          pending={form.pending}
          submitLabel={intl.formatMessage({ id: 'accounts.new.submit', defaultMessage: 'Create account' })}
          className="dialog-actions"
        >
          <Button className="button" onPress={onCancel}>
            {intl.formatMessage({ id: 'common.cancel', defaultMessage: 'Cancel' })}
          </Button>
        </FormActions>
      </Form>
    </>
  );
}
