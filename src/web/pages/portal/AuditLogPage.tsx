import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import { AuditFieldName, AuditValue } from '../../components/audit/AuditValue';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { DataTable } from '../../components/DataTable';
import { LoadFailed, Loading } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { PagedListFooter } from '../../components/PagedListFooter';
import { roleLabel } from '../../components/RoleName';
import type { AuditEntry, AuditPage } from '../../types';
import { usePagedList } from '../../usePagedList';
import { useIntegrationTypes } from '../../integrations';
import { useAccount } from './AccountContext';

const PAGE_SIZE = 25;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What happened, as a sentence: "Ana invited bob@example.com as Editor". */
function ActionSentence({ entry }: { entry: AuditEntry }) {
  const intl = useIntl();
  const { nameOf } = useIntegrationTypes();
  const actor = (
    <strong className="audit-actor">{entry.actor.name || intl.formatMessage({ id: 'audit.actor.system', defaultMessage: 'The system' })}</strong>
  );
  const change = (field: string) => entry.changes.find((c) => c.field === field);
  const user = <span className="audit-subject">{text(change('user')?.after) || text(change('user')?.before)}</span>;
  const role = (value: unknown) => roleLabel(intl, text(value));
  switch (entry.action) {
    case 'account.created':
      return <FormattedMessage id="audit.action.accountCreated" defaultMessage="{actor} created the account" values={{ actor }} />;
    case 'user.invited':
      return <FormattedMessage id="audit.action.userInvited" defaultMessage="{actor} invited {user} as {role}" values={{ actor, user, role: role(change('role')?.after) }} />;
    case 'user.added':
      return (
        <FormattedMessage id="audit.action.userAdded" defaultMessage="{actor} gave {user} access as {role}" values={{ actor, user, role: role(change('role')?.after) }} />
      );
    case 'user.role_changed':
      return (
        <FormattedMessage
          id="audit.action.roleChanged"
          defaultMessage="{actor} changed the role of {user} from {before} to {after}"
          values={{ actor, user, before: role(change('role')?.before), after: role(change('role')?.after) }}
        />
      );
    case 'account.language_changed': {
      const language = (value: unknown) => {
        const code = text(value);
        try {
          return new Intl.DisplayNames([intl.locale], { type: 'language' }).of(code) ?? code;
        } catch {
          return code;
        }
      };
      return (
        <FormattedMessage
          id="audit.action.accountLanguageChanged"
          defaultMessage="{actor} changed the account's language from {before} to {after}"
          values={{ actor, before: language(change('language')?.before), after: language(change('language')?.after) }}
        />
      );
    }
    case 'user.removed':
      return <FormattedMessage id="audit.action.userRemoved" defaultMessage="{actor} removed {user}" values={{ actor, user }} />;
    case 'invitation.accepted':
      return <FormattedMessage id="audit.action.invitationAccepted" defaultMessage="{actor} accepted the invitation and joined the account" values={{ actor }} />;
    case 'contact_info.updated':
      return (
        <FormattedMessage
          id="audit.action.contactInfoUpdated"
          defaultMessage="{actor} changed the contact information ({count, plural, one {# field} other {# fields}})"
          values={{ actor, count: entry.changes.length }}
        />
      );
    case 'integration.disabled':
    case 'integration.enabled': {
      const field = entry.changes.find((c) => c.field.startsWith('integrations.'))?.field ?? '';
      const integration = <span className="audit-subject">{nameOf(field.slice('integrations.'.length))}</span>;
      const reason = text(change('reason')?.after);
      if (entry.action === 'integration.enabled') {
        return <FormattedMessage id="audit.action.integrationEnabled" defaultMessage="{actor} enabled {integration} again" values={{ actor, integration }} />;
      }
      return reason ? (
        <FormattedMessage
          id="audit.action.integrationDisabledBecause"
          defaultMessage="{actor} disabled {integration}: {reason}"
          values={{ actor, integration, reason: <bdi className="audit-reason">{reason}</bdi> }}
        />
      ) : (
        <FormattedMessage id="audit.action.integrationDisabled" defaultMessage="{actor} disabled {integration}" values={{ actor, integration }} />
      );
    }
    case 'account.two_step_required':
      return change('requireTwoStep')?.after === true ? (
        <FormattedMessage id="audit.action.twoStepRequired" defaultMessage="{actor} required two-step sign-in for the account's users" values={{ actor }} />
      ) : (
        <FormattedMessage id="audit.action.twoStepNotRequired" defaultMessage="{actor} stopped requiring two-step sign-in for the account's users" values={{ actor }} />
      );
    case 'contact_info.confirmed':
      return <FormattedMessage id="audit.action.contactInfoConfirmed" defaultMessage="{actor} confirmed that the contact information is still right" values={{ actor }} />;
    case 'webhook.created':
      return <FormattedMessage id="audit.action.webhookCreated" defaultMessage="{actor} added the webhook {url}" values={{ actor, url: <bdi dir="ltr">{text(change('webhook')?.after)}</bdi> }} />;
    case 'webhook.deleted':
      return <FormattedMessage id="audit.action.webhookDeleted" defaultMessage="{actor} deleted the webhook {url}" values={{ actor, url: <bdi dir="ltr">{text(change('webhook')?.before)}</bdi> }} />;
    case 'webhook.secretRotated':
      return (
        <FormattedMessage id="audit.action.webhookSecretRotated" defaultMessage="{actor} rotated the secret of the webhook {url}" values={{ actor, url: <bdi dir="ltr">{text(change('webhook')?.after)}</bdi> }} />
      );
    case 'maintenance.scheduled':
      return <FormattedMessage id="audit.action.maintenanceScheduled" defaultMessage="{actor} scheduled maintenance" values={{ actor }} />;
    case 'maintenance.ended':
      return <FormattedMessage id="audit.action.maintenanceEnded" defaultMessage="{actor} ended maintenance" values={{ actor }} />;
    case 'supportCalendar.updated':
    case 'supportCalendar.imported':
      return <FormattedMessage id="audit.action.supportCalendarUpdated" defaultMessage="{actor} changed the business hours and holidays" values={{ actor }} />;
    default:
      return <FormattedMessage id="audit.action.other" defaultMessage="{actor}: {action}" values={{ actor, action: entry.action }} />;
  }
}

/** User actions say everything in their sentence; the others list each field before → after. */
const SENTENCE_ONLY = new Set(['integration.disabled', 'integration.enabled', 'account.two_step_required', 'account.language_changed', 'user.invited', 'user.added', 'user.role_changed', 'user.removed', 'invitation.accepted', 'webhook.created', 'webhook.deleted', 'webhook.secretRotated']);

function Changes({ entry }: { entry: AuditEntry }) {
  if (SENTENCE_ONLY.has(entry.action) || entry.changes.length === 0) return null;
  return (
    <DataTable
      className="audit-changes"
      wrapClassName="audit-changes-wrap"
      caption={<FormattedMessage id="audit.changes.caption" defaultMessage="What changed" />}
      columns={[
        { key: 'field', header: <FormattedMessage id="audit.column.field" defaultMessage="Field" /> },
        { key: 'before', header: <FormattedMessage id="audit.column.before" defaultMessage="Before" /> },
        { key: 'after', header: <FormattedMessage id="audit.column.after" defaultMessage="After" /> },
      ]}
      rows={entry.changes}
    >
      {(change) => (
        <tr key={change.field}>
          <th scope="row" className="audit-field">
            <AuditFieldName field={change.field} />
          </th>
          <td className="audit-before">
            <AuditValue field={change.field} value={change.before} />
          </td>
          <td className="audit-after">
            <AuditValue field={change.field} value={change.after} />
          </td>
        </tr>
      )}
    </DataTable>
  );
}

/** `/accounts/{id}/audit-log`: every change to the account, newest first, for people to read. */
/** An account's audit log, newest first, with "Load more": on the portal's page and the operator's account page. */
export function AuditLogList({ accountId }: { accountId: string }) {
  const intl = useIntl();
  const list = usePagedList<AuditEntry>(
    (cursor) => api<AuditPage>(paths.auditLog(accountId, { limit: PAGE_SIZE, cursor })),
    [accountId],
  );

  let body: ReactNode = null;
  if (list.status === 'loading') body = <Loading />;
  else if (list.status === 'error') body = <LoadFailed error={list.error} onRetry={list.refresh} />;
  else if (list.items.length === 0) {
    body = (
      <p className="muted">
        <FormattedMessage id="audit.empty" defaultMessage="Nothing has changed yet." />
      </p>
    );
  } else {
    body = (
      <ol className="audit-list">
        {list.items.map((entry, index) => (
          <li key={`${entry.at}-${index}`} className="audit-entry">
            <div className="audit-entry-head">
              <p className="audit-sentence">
                <ActionSentence entry={entry} />
              </p>
              <time className="audit-time" dateTime={entry.at}>
                {intl.formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'short' })}
              </time>
            </div>
            <Changes entry={entry} />
          </li>
        ))}
      </ol>
    );
  }
  return (
    <>
      {body}
      <PagedListFooter list={list} className="load-more" label={intl.formatMessage({ id: 'audit.loadMore', defaultMessage: 'Load more' })} />
    </>
  );
}

export function AuditLogPage() {
  const intl = useIntl();
  const { accountId, membership } = useAccount();
  useDocumentTitle(intl.formatMessage({ id: 'audit.documentTitle', defaultMessage: 'Audit log: {account}' }, { account: membership.accountName }));
  return (
    <>
      <PageHeading
        title={<FormattedMessage id="audit.title" defaultMessage="Audit log" />}
        description={
          <FormattedMessage
            id="audit.description"
            defaultMessage="Every change to {account}, newest first: who made it, when, and what each field was before and after."
            values={{ account: membership.accountName }}
          />
        }
      />
      <AuditLogList accountId={accountId} />
    </>
  );
}
