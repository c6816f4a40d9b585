import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useDocumentTitle } from '../components/DocumentTitle';
import { PublicHeader } from '../components/PublicLayout';
import { CONTACT_FIELDS } from '../../domain/contact-fields';
import { CONTACT_FIELD_NAMES } from '../components/contactFields';
import { FIELD_EXPLANATIONS } from '../components/contact-info/explanations';
import { useMeta, usePlatformName } from '../meta';

/**
 * `/help` (public): "How to get help", where "Contact support" leads when the installation
 * names no support URL of its own.
 */
export function HelpPage() {
  const intl = useIntl();
  const platform = usePlatformName();
  const meta = useMeta();
  const supportEmail = meta?.supportEmail ?? null;
  // SUPPORT_URL may be a web page or a mailto: of its own; the built-in page is this one.
  const supportSite = meta?.supportUrl && !meta.supportUrl.startsWith('mailto:') ? meta.supportUrl : null;
  const supportMail = supportEmail ?? (meta?.supportUrl?.startsWith('mailto:') ? meta.supportUrl.slice('mailto:'.length).split('?')[0] ?? null : null);
  useDocumentTitle(intl.formatMessage({ id: 'help.title', defaultMessage: 'How to get help' }));
  return (
    <div className="login-layout">
      <PublicHeader homeLink />
      <main className="help-page" id="main">
        <article className="help-card">
          <h1>
            <FormattedMessage id="help.title" defaultMessage="How to get help" />
          </h1>
          <p className="help-lead">
            <FormattedMessage
              id="help.lead"
              defaultMessage="Stuck on the contact information, or on anything else in the portal? The partner support team of {platform} can help."
              values={{ platform }}
            />
          </p>

          <h2>
            <FormattedMessage id="help.reach.title" defaultMessage="Reach partner support" />
          </h2>
          {supportMail || supportSite ? (
            <ul className="help-channels">
              {supportMail ? (
                <li>
                  <FormattedMessage
                    id="help.reach.email"
                    defaultMessage="Email: {address}"
                    values={{
                      address: (
                        <a href={`mailto:${supportMail}?subject=${encodeURIComponent('Liaison')}`}>
                          <bdi>{supportMail}</bdi>
                        </a>
                      ),
                    }}
                  />
                </li>
              ) : null}
              {supportSite ? (
                <li>
                  <a href={supportSite} target="_blank" rel="noopener noreferrer">
                    <FormattedMessage id="help.reach.site" defaultMessage="The support site of {platform}" values={{ platform }} />
                  </a>
                </li>
              ) : null}
            </ul>
          ) : null}
          <p>
            {supportMail || supportSite ? (
              <FormattedMessage
                id="help.reach.also"
                defaultMessage="You can also write to your usual partner manager or technical contact. Say that you are writing about the partner portal."
              />
            ) : (
              <FormattedMessage
                id="help.reach.body"
                defaultMessage="Write to your usual partner manager or technical contact at {platform}. If you do not know who that is, use the support address you received when your integration was set up, and say that you are writing about the partner portal."
                values={{ platform }}
              />
            )}
          </p>

          <h2>
            <FormattedMessage id="help.include.title" defaultMessage="What to include" />
          </h2>
          <ul>
            <li>
              <FormattedMessage id="help.include.account" defaultMessage="The name of your partner account, and the address of the page you were on." />
            </li>
            <li>
              <FormattedMessage id="help.include.what" defaultMessage="What you tried to do, what you expected, and what happened instead." />
            </li>
            <li>
              <FormattedMessage id="help.include.message" defaultMessage="Any message the portal showed, word for word, or a screenshot of it." />
            </li>
            <li>
              <FormattedMessage id="help.include.environment" defaultMessage="Whether Production or Sandbox was selected." />
            </li>
          </ul>
          <p className="help-note">
            <FormattedMessage
              id="help.include.secrets"
              defaultMessage="Never send your password: nobody at {platform} will ask for it."
              values={{ platform }}
            />
          </p>

          <h2>
            <FormattedMessage id="help.fields.title" defaultMessage="What each field is for" />
          </h2>
          <dl className="help-fields">
            {CONTACT_FIELDS.map((field) => (
              <div key={field}>
                <dt>{intl.formatMessage(CONTACT_FIELD_NAMES[field])}</dt>
                <dd>{intl.formatMessage(FIELD_EXPLANATIONS[field], { platform })}</dd>
              </div>
            ))}
          </dl>

          <h2>
            <FormattedMessage id="help.colleague.title" defaultMessage="Someone else knows the answers?" />
          </h2>
          <p>
            <FormattedMessage
              id="help.colleague.body"
              defaultMessage="The contact information belongs to the whole account, so only one person has to fill it in. An admin of the account can invite a better-placed colleague from the Users tab of the contact-information window (or, later, under Configuration → Users). The colleague gets an email with a link that works for 7 days."
            />
          </p>

          <h2>
            <FormattedMessage id="help.why.title" defaultMessage="Why the portal asks first" />
          </h2>
          <p>
            <FormattedMessage
              id="help.why.body"
              defaultMessage="Before your integration can go live, {platform} needs to know whom to alert, whom to call in an emergency, and what to show your users. Once every required field is filled in, the rest of the portal opens for everyone in your account, and you can change the information at any time under Configuration → Contact information."
              values={{ platform }}
            />
          </p>

          <p className="help-back">
            <Link to="/">
              <FormattedMessage id="help.back" defaultMessage="Back to the portal" />
            </Link>
          </p>
        </article>
      </main>
    </div>
  );
}
