import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { CATEGORIES, type Category } from '../../../domain/routing';
import { CATEGORY_NAMES } from '../../../i18n/names';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import { CONTACT_FIELD_NAMES } from '../../components/contactFields';
import { browserTimeZone } from '../../components/contact-info/draft';
import { WeekPicture } from '../../components/contact-info/WeekPicture';
import { errorText, Loading } from '../../components/Feedback';
import { EnvLink, type Environment } from '../../environment';
import type { ContactInfoView, RoutesResponse } from '../../types';
import { useResource } from '../../useResource';

type Route = { status: 'ready'; data: RoutesResponse } | { status: 'error'; message: string };

/** Each notification category with whom it reaches now (or why it reaches nobody). */
function useRoutes(accountId: string, env: Environment, version: number | undefined) {
  const intl = useIntl();
  const [routes, setRoutes] = useState<Partial<Record<Category, Route>>>({});
  useEffect(() => {
    if (version === undefined) return;
    let live = true;
    for (const category of CATEGORIES) {
      api<RoutesResponse>(paths.contactInfoRoutes(accountId, category, env)).then(
        (data) => live && setRoutes((r) => ({ ...r, [category]: { status: 'ready', data } })),
        (error: unknown) => live && setRoutes((r) => ({ ...r, [category]: { status: 'error', message: errorText(intl, error) } })),
      );
    }
    return () => {
      live = false;
    };
  }, [accountId, env, version, intl]);
  return routes;
}

/**
 * The Overview's body: the contact information in short, the support week, who receives which
 * kind of notification, and what to do next.
 */
export function OverviewSummary({ accountId, env, basePath }: { accountId: string; env: Environment; basePath: string }) {
  const intl = useIntl();
  const { state } = useResource<ContactInfoView>(paths.contactInfo(accountId, env));
  const view = state.status === 'ready' ? state.data : null;
  const routes = useRoutes(accountId, env, view?.version);
  if (state.status === 'loading') return <Loading />;
  if (!view) return null;

  const lists = [
    ['technicalEmergencyContacts', view.technicalEmergencyContacts],
    ['technicalNonEmergencyContacts', view.technicalNonEmergencyContacts],
    ['merchantIssueContacts', view.merchantIssueContacts],
    ['operationalContactsForPlatform', view.operationalContactsForPlatform],
  ] as const;

  return (
    <div className="overview-summary">
      <section aria-labelledby="overview-contacts" className="overview-section">
        <h2 id="overview-contacts">
          <FormattedMessage id="overview.contacts.title" defaultMessage="Contact information in short" />
        </h2>
        <dl className="overview-contacts">
          <div>
            <dt>{intl.formatMessage(CONTACT_FIELD_NAMES.alertContacts)}</dt>
            <dd>
              {view.alertContacts.map((a) => (
                <bdi key={a.userId} className="overview-person">
                  {a.name || a.email}
                </bdi>
              ))}
            </dd>
          </div>
          {lists.map(([field, entries]) =>
            entries === null ? null : (
              <div key={field}>
                <dt>{intl.formatMessage(CONTACT_FIELD_NAMES[field])}</dt>
                <dd>
                  {entries.map((entry) => (
                    <bdi key={entry.email} className="overview-person">
                      {entry.name ? `${entry.name} <${entry.email}>` : entry.email}
                    </bdi>
                  ))}
                </dd>
              </div>
            ),
          )}
          {view.operationalContactForUsers ? (
            <div>
              <dt>{intl.formatMessage(CONTACT_FIELD_NAMES.operationalContactForUsers)}</dt>
              <dd>
                <bdi className="overview-person">{view.operationalContactForUsers.email}</bdi>
              </dd>
            </div>
          ) : null}
        </dl>
      </section>

      <WeekPicture support={view.operationalSupport} viewerTimeZone={browserTimeZone()} headingLevel={3} />

      <section aria-labelledby="overview-routes" className="overview-section">
        <h2 id="overview-routes">
          <FormattedMessage id="overview.routes.title" defaultMessage="Who receives what" />
        </h2>
        <table className="data-table overview-routes">
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="overview.routes.category" defaultMessage="Notification" />
              </th>
              <th scope="col">
                <FormattedMessage id="overview.routes.recipients" defaultMessage="Goes to" />
              </th>
            </tr>
          </thead>
          <tbody>
            {CATEGORIES.map((category) => {
              const route = routes[category];
              return (
                <tr key={category}>
                  <th scope="row">{intl.formatMessage(CATEGORY_NAMES[category])}</th>
                  <td>
                    {!route ? (
                      '…'
                    ) : route.status === 'error' ? (
                      <span className="muted">{route.message}</span>
                    ) : (
                      <>
                        {route.data.recipients.map((r) => (
                          <bdi key={r.email} className="overview-person">
                            {r.email}
                          </bdi>
                        ))}
                        <span className="muted overview-field">{intl.formatMessage(CONTACT_FIELD_NAMES[route.data.recipients[0]?.field ?? 'alertContacts'])}</span>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="overview-next" className="overview-section">
        <h2 id="overview-next">
          <FormattedMessage id="overview.next.title" defaultMessage="Next steps" />
        </h2>
        <ul className="overview-next">
          <li>
            <EnvLink to={`${basePath}/configuration/contact-information`}>
              <FormattedMessage id="overview.link.contactInfo" defaultMessage="Review or change the contact information" />
            </EnvLink>{' '}
            <span className="muted">
              <FormattedMessage id="overview.next.review" defaultMessage="People change teams and numbers: review it whenever someone leaves." />
            </span>
          </li>
          <li>
            <EnvLink to={`${basePath}/configuration/users`}>
              <FormattedMessage id="overview.next.users" defaultMessage="Invite the colleagues who should see or change the contact information" />
            </EnvLink>
          </li>
          <li>
            <EnvLink to={`${basePath}/audit-log`}>
              <FormattedMessage id="overview.link.auditLog" defaultMessage="See who changed what in the audit log" />
            </EnvLink>
          </li>
        </ul>
      </section>
    </div>
  );
}
