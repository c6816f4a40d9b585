import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useBlocker } from 'react-router';

/**
 * Asks before unsaved changes are left behind: a link inside the portal (react-router's
 * blocker; a change of `?env=` alone keeps the draft, so it is not asked about) and closing or
 * reloading the tab (the browser's own `beforeunload` question).
 */
export function UnsavedChangesPrompt({ dirty }: { dirty: boolean }) {
  const intl = useIntl();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the question only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  // Saved or discarded while the question was open: nothing to ask about any more.
  useEffect(() => {
    if (blocker.state === 'blocked' && !dirty) blocker.proceed();
  }, [blocker, dirty]);

  if (blocker.state !== 'blocked') return null;
  return (
    <ModalOverlay className="modal-overlay" isOpen isDismissable onOpenChange={(open) => (open ? undefined : blocker.reset())}>
      <Modal className="modal modal-small">
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title" className="dialog-title">
            <FormattedMessage id="contactInfo.unsaved.title" defaultMessage="Leave without saving?" />
          </Heading>
          <p>
            <FormattedMessage
              id="contactInfo.unsaved.body"
              defaultMessage="Your changes to the contact information are not saved yet. If you leave this page now, they are lost."
            />
          </p>
          <div className="dialog-actions">
            <Button className="button" autoFocus onPress={() => blocker.reset()}>
              {intl.formatMessage({ id: 'contactInfo.unsaved.stay', defaultMessage: 'Stay on this page' })}
            </Button>
            <Button className="button button-danger" onPress={() => blocker.proceed()}>
              {intl.formatMessage({ id: 'contactInfo.unsaved.leave', defaultMessage: 'Leave without saving' })}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
