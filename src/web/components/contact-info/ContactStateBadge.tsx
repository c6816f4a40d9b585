import { useState } from 'react';
import { Button } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import type { ContactHealthItem } from '../../types';
import { Badge } from '../Badge';

/** The state of one email contact: Confirmed, Not confirmed yet, Bouncing. */
export function ContactStateBadge({ state }: { state: ContactHealthItem['state'] }) {
  switch (state) {
    case 'confirmed':
      return (
        <Badge tone="success">
          <FormattedMessage id="contactHealth.state.confirmed" defaultMessage="Confirmed" />
        </Badge>
      );
    case 'unconfirmed':
      return (
        <Badge tone="warning">
          <FormattedMessage id="contactHealth.state.unconfirmed" defaultMessage="Not confirmed yet" />
        </Badge>
      );
    case 'bouncing':
      return (
        <Badge tone="danger">
          <FormattedMessage id="contactHealth.state.bouncing" defaultMessage="Bouncing" />
        </Badge>
      );
  }
}

/** A saved address's state, and (for those who may edit, while not confirmed) "Resend confirmation". */
export function ContactHealthLine({ accountId, item, canResend }: { accountId: string; item: ContactHealthItem; canResend: boolean }) {
  const intl = useIntl();
  const [status, setStatus] = useState<'idle' | 'pending' | 'sent' | 'failed'>('idle');
  const resend = async () => {
    setStatus('pending');
    try {
      await api(paths.contactConfirmations(accountId), { method: 'POST', body: { field: item.field, email: item.email } });
      setStatus('sent');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <div className="ci-entry-health">
      <ContactStateBadge state={item.state} />
      {item.state === 'bouncing' && item.lastBounce ? (
        <span className="muted ci-entry-bounce" dir="auto">
          {item.lastBounce}
        </span>
      ) : null}
      {canResend && item.state !== 'confirmed' ? (
        status === 'sent' ? (
          <span role="status" className="muted">
            <FormattedMessage id="contactHealth.resent" defaultMessage="Confirmation sent." />
          </span>
        ) : (
          <>
            <Button
              className="button button-small"
              isDisabled={status === 'pending'}
              aria-label={intl.formatMessage({ id: 'contactHealth.resend.label', defaultMessage: 'Resend confirmation to {email}' }, { email: item.email })}
              onPress={() => void resend()}
            >
              <FormattedMessage id="contactHealth.resend" defaultMessage="Resend confirmation" />
            </Button>
            {status === 'failed' ? (
              <span role="alert" className="field-error">
                <FormattedMessage id="contactHealth.resend.failed" defaultMessage="Could not send it. Try again." />
              </span>
            ) : null}
          </>
        )
      ) : null}
    </div>
  );
}
