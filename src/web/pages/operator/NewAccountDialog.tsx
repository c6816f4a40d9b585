import { useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button, CheckboxGroup, Dialog, DialogTrigger, FieldError, Form, Heading, Label, Modal, ModalOverlay, Text } from 'react-aria-components';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import { Checkbox } from '../../components/Checkbox';
import { ErrorAlert, LoadFailed, Loading } from '../../components/Feedback';
import { TextField } from '../../components/TextField';
import { firstInvalid, mapApiError, useFieldErrors } from '../../forms';
import { useIntegrationTypes } from '../../integrations';
import type { AccountDetail, CreateAccountBody } from '../../types';

type Field = 'name' | 'integrations' | 'adminEmail';
const FIELDS: readonly Field[] = ['name', 'integrations', 'adminEmail'];

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
  const [name, setName] = useState('');
  const [integrations, setIntegrations] = useState<string[]>([]);
  const [adminEmail, setAdminEmail] = useState('');
  const [errors, setErrors, clearError] = useFieldErrors<Field>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const groupRef = useRef<HTMLDivElement>(null);

  function focusFirst(found: Partial<Record<Field, string>>) {
    const first = firstInvalid(FIELDS, found);
    if (first === 'name') nameRef.current?.focus();
    if (first === 'adminEmail') emailRef.current?.focus();
    if (first === 'integrations') groupRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const found: Partial<Record<Field, string>> = {};
    if (!name.trim()) found.name = intl.formatMessage({ id: 'accounts.new.name.required', defaultMessage: "Enter the partner's name." });
    if (integrations.length === 0) {
      found.integrations = intl.formatMessage({ id: 'accounts.new.integrations.required', defaultMessage: 'Choose at least one integration.' });
    }
    if (!adminEmail.trim()) {
      found.adminEmail = intl.formatMessage({ id: 'accounts.new.adminEmail.required', defaultMessage: "Enter the email address of the partner's first admin." });
    }
    setErrors(found);
    setFormError(null);
    if (Object.values(found).some(Boolean)) {
      focusFirst(found);
      return;
    }
    setPending(true);
    try {
      const body: CreateAccountBody = { name: name.trim(), integrations, adminEmail: adminEmail.trim() };
      const account = await api<AccountDetail>(paths.accounts(), { method: 'POST', body });
      onCreated(account, adminEmail.trim());
    } catch (error) {
      setPending(false);
      const mapped = mapApiError(intl, error, FIELDS);
      setErrors(mapped.fields);
      setFormError(mapped.form);
      focusFirst(mapped.fields);
    }
  }

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
          name="name"
          autoComplete="organization"
          isRequired
          autoFocus
          value={name}
          onChange={(value) => {
            setName(value);
            clearError('name');
          }}
          error={errors.name}
          inputRef={nameRef}
        />
        <CheckboxGroup
          ref={groupRef}
          className="checkbox-group"
          name="integrations"
          value={integrations}
          onChange={(value) => {
            setIntegrations(value);
            clearError('integrations');
          }}
          isRequired
          isInvalid={Boolean(errors.integrations)}
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
          <FieldError className="field-error">{errors.integrations}</FieldError>
        </CheckboxGroup>
        <TextField
          label={intl.formatMessage({ id: 'accounts.new.adminEmail', defaultMessage: 'Admin email' })}
          name="adminEmail"
          type="email"
          autoComplete="off"
          isRequired
          value={adminEmail}
          onChange={(value) => {
            setAdminEmail(value);
            clearError('adminEmail');
          }}
          error={errors.adminEmail}
          inputRef={emailRef}
        />
        {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
        <div className="dialog-actions">
          <Button className="button" onPress={onCancel}>
            {intl.formatMessage({ id: 'common.cancel', defaultMessage: 'Cancel' })}
          </Button>
          <Button type="submit" className={`button button-primary${pending ? ' is-busy' : ''}`}>
            {intl.formatMessage({ id: 'accounts.new.submit', defaultMessage: 'Create account' })}
          </Button>
        </div>
      </Form>
    </>
  );
}
