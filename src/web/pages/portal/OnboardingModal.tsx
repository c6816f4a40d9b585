import { useId, useRef, useState } from 'react';
import { FormattedMessage, defineMessages, useIntl, type MessageDescriptor } from 'react-intl';
import { Button, Dialog, Heading, Modal, ModalOverlay, Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../api';
import { paths } from '../../apiPaths';
import type { OnboardingDone } from './OverviewPage';
import { AccountPicker } from '../../components/AccountPicker';
import { ContactInfoForm } from '../../components/contact-info/ContactInfoForm';
import { LanguagePicker } from '../../components/LanguagePicker';
import { useDocumentTitle } from '../../components/DocumentTitle';
import { UsersPanel } from '../../components/users/UsersPanel';
import { useEnvironment, withEnvironment } from '../../environment';
import { BUILT_IN_HELP_PATH, useMeta, usePlatformName } from '../../meta';
import { useCan } from '../../permissions';
import { useSession, useSignedInSession } from '../../session';
import type { AccountDetail, ContactInfoView, MembersPage } from '../../types';

interface OnboardingModalProps {
  account: AccountDetail;
  /** Loads the account again: once it is complete, the portal opens. */
  onCompleted: () => Promise<void>;
}

type TabKey = 'contact' | 'users';

/** The Users tab's introduction, as the person may use it. */
const usersIntro: Record<'admin' | 'member', MessageDescriptor> = defineMessages({
  admin: {
    id: 'modal.users.intro.admin',
    defaultMessage:
      'Give access to a colleague who is better placed to fill in the contact information. They get an email with a link to join {account}.',
  },
  member: { id: 'modal.users.intro.member', defaultMessage: 'Everyone who can sign in to {account}. Only admins can invite people.' },
});

/**
 * "Contact information required": the blocking modal a partner user sees while the account's
 * contact information is incomplete. It cannot be dismissed (no Escape, no click outside) and
 * keeps focus inside; its tabs are the contact-information form and the account's users.
 */
export function OnboardingModal({ account, onCompleted }: OnboardingModalProps) {
  const intl = useIntl();
  const session = useSignedInSession();
  const { signOut } = useSession();
  const meta = useMeta();
  const [env] = useEnvironment();
  const location = useLocation();
  const [tab, setTab] = useState<TabKey>('contact');
  const supportHintId = useId();
  const canManageUsers = useCan(account.id)('users.manage');
  const platform = usePlatformName();
  const supportUrl = meta?.supportUrl || BUILT_IN_HELP_PATH;
  // The help page opens beside the modal (which stays where it is); a mailto link opens the mail program.
  const isMail = supportUrl.startsWith('mailto:');
  useDocumentTitle(intl.formatMessage({ id: 'modal.title', defaultMessage: 'Contact information required' }));

  const navigate = useNavigate();
  const onSaved = async (view: ContactInfoView) => {
    if (!view.complete) return;
    // Say what the Submit did, on the Overview: everyone of the account can use the portal now.
    let users = 0;
    try {
      users = (await api<MembersPage>(paths.users(account.id, { limit: 200 }))).items.length;
    } catch {
      users = 0;
    }
    const state: OnboardingDone = { onboardingDone: { users } };
    await navigate(withEnvironment(`/accounts/${encodeURIComponent(account.id)}`, env), { state });
    await onCompleted();
  };

  const tabList = useRef<HTMLDivElement>(null);

  return (
    <ModalOverlay className="modal-overlay onboarding-overlay" isOpen isDismissable={false} isKeyboardDismissDisabled>
      <Modal className="modal onboarding-modal">
        <Dialog className="dialog onboarding-dialog" aria-describedby="onboarding-intro">
          <div className="onboarding-top">
            <div className="onboarding-heading">
              <p className="page-eyebrow">{account.name}</p>
              <Heading slot="title" className="onboarding-title">
                <FormattedMessage id="modal.title" defaultMessage="Contact information required" />
              </Heading>
            </div>
            <div className="onboarding-corner">
              {/* The header's picker is behind the modal: someone who landed in the wrong language switches here. */}
              <LanguagePicker />
              <a
                className="support-link"
                href={supportUrl}
                target={isMail ? undefined : '_blank'}
                rel={isMail ? undefined : 'noopener noreferrer'}
                aria-describedby={isMail ? undefined : supportHintId}
              >
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="support-link-icon">
                  <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
                  <path d="M6.2 6.3a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
                  <circle cx="8" cy="11.6" r=".9" fill="currentColor" />
                </svg>
                <FormattedMessage id="modal.contactSupport" defaultMessage="Contact support" />
              </a>
              <span id={supportHintId} className="visually-hidden">
                <FormattedMessage id="modal.contactSupport.newTab" defaultMessage="(opens in a new tab)" />
              </span>
            </div>
          </div>

          <p className="onboarding-intro" id="onboarding-intro">
            <FormattedMessage
              id="modal.intro"
              defaultMessage="Before you can use the rest of the portal, tell {platform} whom to contact about {account}, and for what. The information is shared by the whole account, so only one of you needs to fill it in: if a colleague knows it better, invite them from the Users tab."
              values={{ platform, account: account.name }}
            />
          </p>

          <Tabs className="tabs" selectedKey={tab} onSelectionChange={(key: Key) => setTab(key === 'users' ? 'users' : 'contact')}>
            <TabList ref={tabList} className="tab-list" aria-label={intl.formatMessage({ id: 'modal.tabs', defaultMessage: 'Onboarding' })}>
              <Tab className="tab" id="contact">
                <FormattedMessage id="modal.tab.contact" defaultMessage="Contact information" />
              </Tab>
              <Tab className="tab" id="users">
                <FormattedMessage id="modal.tab.users" defaultMessage="Users" />
              </Tab>
            </TabList>
            <TabPanel className="tab-panel" id="contact" shouldForceMount>
              <ContactInfoForm
                accountId={account.id}
                env={env}
                variant="modal"
                accountLanguage={account.language}
                headingLevel={3}
                active={tab === 'contact'}
                productionHref={withEnvironment(location.pathname, 'production')}
                onSaved={onSaved}
                onInvite={() => {
                  setTab('users');
                  // Focus follows to the Users tab, so keyboard users land where they asked to go.
                  requestAnimationFrame(() => tabList.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
                }}
              />
            </TabPanel>
            <TabPanel className="tab-panel" id="users">
              <p className="tab-intro">
                {intl.formatMessage(canManageUsers ? usersIntro.admin : usersIntro.member, { account: account.name })}
              </p>
              <UsersPanel accountId={account.id} headingLevel={3} />
            </TabPanel>
          </Tabs>

          <div className="onboarding-footer">
            {session.memberships.length > 1 ? <AccountPicker memberships={session.memberships} /> : <span />}
            <Button className="button button-quiet" onPress={() => void signOut()}>
              {intl.formatMessage({ id: 'header.signOut', defaultMessage: 'Sign out' })}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
