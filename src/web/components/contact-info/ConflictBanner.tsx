import { FormattedMessage, useIntl } from 'react-intl';
import { Button } from 'react-aria-components';
import type { Conflict } from './useContactInfo';

interface ConflictBannerProps {
  conflict: Conflict;
  pending: boolean;
  onReloadTheirs: () => void;
  onSaveMine: () => void;
}

/** After a 412: someone saved in between; the person chooses their version or theirs. */
export function ConflictBanner({ conflict, pending, onReloadTheirs, onSaveMine }: ConflictBannerProps) {
  const intl = useIntl();
  const { latest } = conflict;
  return (
    <div className="alert alert-error ci-conflict" role="alert">
      <p className="ci-conflict-title">
        <strong>
          <FormattedMessage id="contactInfo.conflict.title" defaultMessage="Someone else changed the contact information since you opened it." />
        </strong>
      </p>
      <p>
        {latest?.updatedBy && latest.updatedAt ? (
          <FormattedMessage
            id="contactInfo.conflict.who"
            defaultMessage="{name} saved version {version} at {time}."
            values={{
              name: latest.updatedBy.name,
              version: latest.version,
              time: intl.formatDate(latest.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
            }}
          />
        ) : null}{' '}
        <FormattedMessage
          id="contactInfo.conflict.body"
          defaultMessage="Nothing of yours was saved, and everything you typed is still in the form. Load their version (yours is discarded), or save yours over theirs."
        />
      </p>
      <div className="toolbar">
        <Button className="button" isDisabled={pending} onPress={onReloadTheirs}>
          <FormattedMessage id="contactInfo.conflict.reload" defaultMessage="Reload their version" />
        </Button>
        <Button className="button button-primary" isDisabled={pending} onPress={onSaveMine}>
          <FormattedMessage id="contactInfo.conflict.overwrite" defaultMessage="Save mine anyway" />
        </Button>
      </div>
    </div>
  );
}
