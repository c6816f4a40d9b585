import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ErrorAlert, errorText } from '../Feedback';

interface RemoveUserDialogProps {
  person: string;
  invited: boolean;
  /** Resolves when the person is removed; a rejection is shown inside the dialog. */
  onConfirm: () => Promise<void>;
  /** Offered but not usable (the only admin), with the reason in `describedBy`. */
  isDisabled?: boolean;
  describedBy?: string;
}

/** "Remove" of one person, confirmed in an alert dialog (errors such as last_admin are shown there). */
export function RemoveUserDialog({ person, invited, onConfirm, isDisabled, describedBy }: RemoveUserDialogProps) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
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
  }

  return (
    <DialogTrigger
      isOpen={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        if (next) setError(null);
      }}
    >
      <Button
        className="button button-small button-danger-quiet"
        isDisabled={isDisabled}
        aria-describedby={describedBy}
        aria-label={intl.formatMessage({ id: 'users.remove.label', defaultMessage: 'Remove {person}' }, { person })}
      >
        {intl.formatMessage({ id: 'users.remove', defaultMessage: 'Remove' })}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable={!pending}>
        <Modal className="modal modal-small">
          <Dialog className="dialog" role="alertdialog">
            <Heading slot="title" className="dialog-title">
              <FormattedMessage id="users.remove.title" defaultMessage="Remove {person}?" values={{ person }} />
            </Heading>
            <p>
              {invited ? (
                <FormattedMessage
                  id="users.remove.bodyInvited"
                  defaultMessage="Their invitation link stops working, and they will not get access to this account."
                />
              ) : (
                <FormattedMessage
                  id="users.remove.body"
                  defaultMessage="They lose access to this account at once. Their sign-in and their access to other accounts stay as they are."
                />
              )}
            </p>
            {error ? <ErrorAlert>{error}</ErrorAlert> : null}
            <div className="dialog-actions">
              <Button className="button" slot="close" isDisabled={pending}>
                {intl.formatMessage({ id: 'common.cancel', defaultMessage: 'Cancel' })}
              </Button>
              <Button className={`button button-danger${pending ? ' is-busy' : ''}`} onPress={() => void confirm()}>
                {intl.formatMessage({ id: 'users.remove.confirm', defaultMessage: 'Remove' })}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
