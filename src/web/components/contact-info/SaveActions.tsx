import { FormattedMessage, useIntl } from 'react-intl';
import { Button } from 'react-aria-components';
import type { ContactInfoView } from '../../types';
import { CONTACT_FIELD_NAMES, inDisplayOrder } from '../contactFields';
import { ErrorAlert } from '../Feedback';
import { SubmitButton } from '../FormActions';
import type { Notice } from './useContactInfo';

interface SaveActionsProps {
  view: ContactInfoView;
  variant: 'modal' | 'page';
  canEdit: boolean;
  /** Something differs from the saved document (the page then offers "Discard changes"). */
  dirty: boolean;
  pending: boolean;
  formError: string | null;
  notice: Notice;
  onDiscard: () => void;
}

/** The end of the form: what went wrong, which version is saved, what the last save did, and the buttons. */
export function SaveActions({ view, variant, canEdit, dirty, pending, formError, notice, onDiscard }: SaveActionsProps) {
  const intl = useIntl();
  const time = (at: string) => intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}

      {view.updatedAt ? (
        <p className="ci-updated muted">
          {view.updatedBy?.name ? (
            <FormattedMessage
              id="contactInfo.updatedBy"
              defaultMessage="Version {version}, saved by {name} on {time}."
              values={{ version: view.version, name: view.updatedBy.name, time: time(view.updatedAt) }}
            />
          ) : (
            <FormattedMessage id="contactInfo.updatedAt" defaultMessage="Version {version}, saved on {time}." values={{ version: view.version, time: time(view.updatedAt) }} />
          )}
        </p>
      ) : null}

      {canEdit ? (
        <div className={`ci-actions ci-actions-${variant}`}>
          <p className="ci-status" role="status">
            <NoticeText notice={notice} />
          </p>
          <div className="toolbar">
            {variant === 'page' && dirty ? (
              <Button className="button" isDisabled={pending} onPress={onDiscard}>
                <FormattedMessage id="contactInfo.discard" defaultMessage="Discard changes" />
              </Button>
            ) : null}
            <SubmitButton pending={pending}>
              {variant === 'modal'
                ? intl.formatMessage({ id: 'modal.submit', defaultMessage: 'Submit' })
                : intl.formatMessage({ id: 'contactInfo.save', defaultMessage: 'Save' })}
            </SubmitButton>
          </div>
        </div>
      ) : null}
    </>
  );
}

function NoticeText({ notice }: { notice: Notice }) {
  const intl = useIntl();
  if (notice?.kind === 'reloaded') {
    return <FormattedMessage id="contactInfo.conflict.reloaded" defaultMessage="Showing the latest saved version. Your changes were discarded." />;
  }
  if (notice?.kind !== 'saved') return null;
  const saved = notice.view;
  if (saved.complete) {
    return <FormattedMessage id="contactInfo.saved" defaultMessage="Saved. Version {version} is now in effect." values={{ version: saved.version }} />;
  }
  const missing = inDisplayOrder(saved.missing).map((field) => intl.formatMessage(CONTACT_FIELD_NAMES[field]));
  return (
    <FormattedMessage
      id="contactInfo.savedIncomplete"
      defaultMessage="Saved as a draft. Still missing: {fields}."
      values={{ fields: intl.formatList(missing, { type: 'conjunction' }) }}
    />
  );
}
