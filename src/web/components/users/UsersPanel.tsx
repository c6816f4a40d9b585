import { useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button } from 'react-aria-components';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import { useCan } from '../../permissions';
import { useSignedInSession } from '../../session';
import type { Member, MembersPage, Role } from '../../types';
import { appendNew, usePagedList } from '../../usePagedList';
import { Badge } from '../Badge';
import { DataTable } from '../DataTable';
import { LoadFailed, Loading, errorText } from '../Feedback';
import { PagedListFooter } from '../PagedListFooter';
import { RoleName, roleLabel } from '../RoleName';
import { InviteForm } from './InviteForm';
import { RemoveUserDialog } from './RemoveUserDialog';
import { RoleMenu } from './RoleMenu';

export interface UsersPanelProps {
  accountId: string;
  /** The level of the panel's own headings: 2 under a page's h1, 3 under a section's h2. */
  headingLevel?: 2 | 3;
}

const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

const byUserId = appendNew<Member>((member) => member.userId);

function personOf(member: Member): string {
  return member.name || member.email;
}

/**
 * The users of one account: a table (name, email, role, status) and, for admins and operators,
 * the invite form and per-row "Change role", "Resend invitation" and "Remove". No page chrome:
 * the Configuration → Users page, the onboarding modal's Users tab and the operator's account
 * page each put it under their own heading.
 */
export function UsersPanel({ accountId, headingLevel = 2 }: UsersPanelProps) {
  const intl = useIntl();
  const session = useSignedInSession();
  const canManage = useCan(accountId)('users.manage');

  const [announcement, setAnnouncement] = useState('');
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [busyRows, setBusyRows] = useState<ReadonlySet<string>>(new Set());
  const statusRef = useRef<HTMLParagraphElement>(null);

  const list = usePagedList<Member>(
    // A refresh asks for the first page as long as what is on screen (up to the API's maximum).
    (cursor, shown) =>
      api<MembersPage>(paths.users(accountId, { limit: cursor ? PAGE_SIZE : Math.min(Math.max(shown, PAGE_SIZE), MAX_PAGE_SIZE), cursor })),
    [accountId],
    { merge: byUserId, quietRefresh: true },
  );
  const { items: members, refresh } = list;
  // With every user on screen, the only admin's "Change role" and "Remove" are shown disabled,
  // with the reason, instead of failing with last_admin after a confirmation.
  const soleAdmin = list.nextCursor === null && members.filter((m) => m.role === 'admin').length === 1;

  const setRowError = (userId: string, message: string | null) =>
    setRowErrors((errors) => {
      const next = { ...errors };
      if (message) next[userId] = message;
      else delete next[userId];
      return next;
    });

  /** Runs one row's action; its error goes next to that row's controls. */
  const rowAction = async (member: Member, action: () => Promise<string>) => {
    if (busyRows.has(member.userId)) return;
    setBusyRows((rows) => new Set(rows).add(member.userId));
    setRowError(member.userId, null);
    try {
      setAnnouncement(await action());
      await refresh();
    } catch (error) {
      setRowError(member.userId, errorText(intl, error));
    } finally {
      setBusyRows((rows) => {
        const next = new Set(rows);
        next.delete(member.userId);
        return next;
      });
    }
  };

  const changeRole = (member: Member, next: Role) =>
    rowAction(member, async () => {
      await api<Member>(paths.user(accountId, member.userId), { method: 'PATCH', body: { role: next } });
      return intl.formatMessage(
        { id: 'users.changeRole.done', defaultMessage: '{person} is now {role}.' },
        { person: personOf(member), role: roleLabel(intl, next) },
      );
    });

  const resend = (member: Member) =>
    rowAction(member, async () => {
      await api(paths.userInvitation(accountId, member.userId), { method: 'POST' });
      return intl.formatMessage({ id: 'users.resend.done', defaultMessage: 'A new invitation was sent to {email}.' }, { email: member.email });
    });

  const remove = async (member: Member) => {
    await api(paths.user(accountId, member.userId), { method: 'DELETE' });
    setRowError(member.userId, null);
    setAnnouncement(intl.formatMessage({ id: 'users.remove.done', defaultMessage: '{person} no longer has access.' }, { person: personOf(member) }));
    await refresh();
    // The row (and the button that had focus) is gone: continue from the announcement.
    statusRef.current?.focus();
  };

  const onInvited = (member: Member) => {
    setAnnouncement(
      member.status === 'invited'
        ? intl.formatMessage(
            { id: 'users.invite.done', defaultMessage: 'Invitation sent to {email} ({role}).' },
            { email: member.email, role: roleLabel(intl, member.role) },
          )
        : intl.formatMessage(
            { id: 'users.invite.doneExisting', defaultMessage: '{person} now has access as {role}.' },
            { person: personOf(member), role: roleLabel(intl, member.role) },
          ),
    );
    void refresh();
  };

  return (
    <div className="users-panel">
      {canManage ? <InviteForm accountId={accountId} onInvited={onInvited} headingLevel={headingLevel} /> : null}

      <p className="status-message" role="status" tabIndex={-1} ref={statusRef}>
        {announcement}
      </p>

      {list.status === 'loading' ? <Loading /> : null}
      {list.status === 'error' ? <LoadFailed error={list.error} onRetry={refresh} /> : null}

      {list.status === 'ready' ? (
        <DataTable
          className="users-table"
          caption={<FormattedMessage id="users.table.caption" defaultMessage="Users of this account" />}
          columns={[
            { key: 'name', header: <FormattedMessage id="users.column.name" defaultMessage="Name" /> },
            { key: 'email', header: <FormattedMessage id="users.column.email" defaultMessage="Email" /> },
            { key: 'role', header: <FormattedMessage id="users.column.role" defaultMessage="Role" /> },
            { key: 'status', header: <FormattedMessage id="users.column.status" defaultMessage="Status" /> },
            ...(canManage ? [{ key: 'actions', header: <FormattedMessage id="users.column.actions" defaultMessage="Actions" />, hideHeader: true }] : []),
          ]}
          rows={members}
          empty={<FormattedMessage id="users.empty" defaultMessage="Nobody has access to this account yet." />}
        >
          {(member) => {
            const busy = busyRows.has(member.userId);
            const rowError = rowErrors[member.userId];
            const locked = soleAdmin && member.role === 'admin';
            const lockedId = `last-admin-${member.userId}`;
            return (
              <tr key={member.userId} aria-busy={busy || undefined}>
                <td>
                  {member.name ? (
                    member.name
                  ) : (
                    <span className="muted">
                      <FormattedMessage id="users.noName" defaultMessage="Not set yet" />
                    </span>
                  )}
                  {member.userId === session.user.id ? (
                    <span className="muted">
                      {' '}
                      <FormattedMessage id="users.you" defaultMessage="(you)" />
                    </span>
                  ) : null}
                </td>
                <td className="cell-email">{member.email}</td>
                <td>
                  <RoleName role={member.role} />
                </td>
                <td>
                  {member.status === 'active' ? (
                    <Badge tone="success"><FormattedMessage id="users.status.active" defaultMessage="Active" /></Badge>
                  ) : (
                    <Badge tone="neutral"><FormattedMessage id="users.status.invited" defaultMessage="Invited" /></Badge>
                  )}
                </td>
                {canManage ? (
                  <td className="cell-actions">
                    <div className="row-actions">
                      <RoleMenu
                        person={member.email}
                        role={member.role}
                        onChange={(next) => void changeRole(member, next)}
                        isDisabled={locked}
                        describedBy={locked ? lockedId : undefined}
                      />
                      {member.status === 'invited' ? (
                        <Button
                          className={`button button-small${busy ? ' is-busy' : ''}`}
                          aria-label={intl.formatMessage(
                            { id: 'users.resend.label', defaultMessage: 'Resend invitation to {email}' },
                            { email: member.email },
                          )}
                          onPress={() => void resend(member)}
                        >
                          {intl.formatMessage({ id: 'users.resend', defaultMessage: 'Resend invitation' })}
                        </Button>
                      ) : null}
                      <RemoveUserDialog
                        person={member.email}
                        invited={member.status === 'invited'}
                        onConfirm={() => remove(member)}
                        isDisabled={locked}
                        describedBy={locked ? lockedId : undefined}
                      />
                    </div>
                    {locked ? (
                      <p className="muted row-note" id={lockedId}>
                        <FormattedMessage
                          id="users.lastAdmin.reason"
                          defaultMessage="The only admin of this account: make someone else an admin first."
                        />
                      </p>
                    ) : null}
                    {rowError ? (
                      <p className="field-error row-error" role="alert">
                        {rowError}
                      </p>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          }}
        </DataTable>
      ) : null}

      <PagedListFooter list={list} label={intl.formatMessage({ id: 'users.loadMore', defaultMessage: 'Load more' })} />
    </div>
  );
}
