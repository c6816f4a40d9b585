import { useMemo, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Form } from 'react-aria-components';
import type { Locale } from '../../../domain/locales';
import type { Environment } from '../../environment';
import { useCan } from '../../permissions';
import type { ContactInfoView } from '../../types';
import { LoadFailed, Loading } from '../Feedback';
import { AlertContactsGroup } from './AlertContactsGroup';
import { ConflictBanner } from './ConflictBanner';
import { ContactListGroup } from './ContactListGroup';
import { LIST_FIELDS, draftFromView, draftMissing, sameDraft } from './draft';
import { draftEditor } from './draftEditor';
import { ErrorSummary } from './ErrorSummary';
import { FormApiContext, healthKey, type FormApi } from './FormContext';
import { errorMessage } from './messages';
import { SaveActions } from './SaveActions';
import { SupportGroup } from './SupportGroup';
import { UnsavedChangesPrompt } from './UnsavedChangesPrompt';
import { useContactInfo } from './useContactInfo';
import { usePlaceFocus } from './usePlaceFocus';
import { UsersContactGroup } from './UsersContactGroup';
import { useVisibleErrors } from './useVisibleErrors';

export interface ContactInfoFormProps {
  accountId: string;
  env: Environment;
  /** `modal`: the onboarding modal ("Submit"); `page`: Configuration → Contact information ("Save"). */
  variant: 'modal' | 'page';
  /** 3 under the modal's h2, 2 under a page's h1. */
  headingLevel: 2 | 3;
  /** After every successful save, with the saved document. */
  onSaved?: (view: ContactInfoView) => void | Promise<void>;
  /** The modal's shortcut to its Users tab. */
  onInvite?: () => void;
  /** The page's link to Configuration → Users. */
  usersHref?: string;
  /** The same page in Production (shown in Sandbox, where alert contacts cannot change). */
  productionHref: string;
  /** The account's default language, named in each contact's "Account's language" option. */
  accountLanguage?: Locale;
  /** False while the form is hidden behind another tab: the users list is fetched again when it comes back. */
  active?: boolean;
  /** Shown read-only whatever the viewer may do: the operator's account page, where partners own their contacts. */
  readOnly?: boolean;
}

/**
 * The contact information, one group per field, for the onboarding modal and the Configuration
 * page alike. The domain's own `validateContactInfo` runs in the browser (on blur once a field
 * is touched, and on submit), so people see the server's rules before saving; the server's
 * errors land on the same inputs. What was typed is kept through errors and version conflicts.
 */
export function ContactInfoForm(props: ContactInfoFormProps) {
  const { accountId, env, variant, headingLevel, onSaved, onInvite, usersHref, productionHref, active = true, accountLanguage, readOnly = false } = props;
  const intl = useIntl();
  const can = useCan(accountId);
  const canEdit = !readOnly && can('contactInfo.write');
  const focus = usePlaceFocus();
  // The document calls back after a render (on loading and saving), when `errors` below exists.
  const doc = useContactInfo({
    accountId,
    env,
    active,
    onSaved,
    onReplaced: () => errors.reset(),
    onRejected: (first) => {
      errors.showAll();
      if (first !== undefined) focus.requestFocus(first);
    },
  });
  const errors = useVisibleErrors({ draft: doc.draft, view: doc.view, members: doc.members, env, serverErrors: doc.serverErrors });
  const editor = draftEditor(doc, { rowsMoved: errors.rowsMoved, touch: errors.touch, requestFocus: focus.requestFocus });

  const { visible, touch } = errors;
  const formApi: FormApi = useMemo(
    () => ({
      readOnly: !canEdit,
      errorAt: (place: string) => {
        const error = visible.get(place);
        return error ? errorMessage(intl, error) : null;
      },
      idOf: focus.idOf,
      touch,
      headingLevel,
      missing: doc.draft ? draftMissing(doc.draft) : [],
      accountLanguage: accountLanguage ?? null,
      accountId,
      canEdit,
      health: new Map((doc.view?.contactHealth ?? []).map((item) => [healthKey(item.field, item.email), item])),
    }),
    [canEdit, visible, intl, focus.idOf, touch, headingLevel, doc.draft, accountLanguage, accountId, doc.view],
  );

  const { view, draft, load } = doc;
  if (load.status === 'loading' && !view) return <Loading />;
  if (load.status === 'error' && !view) return <LoadFailed error={load.error} onRetry={doc.reload} />;
  if (!view || !draft) return null;

  const dirty = !sameDraft(draft, draftFromView(view));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (doc.pending || !canEdit) return;
    errors.showAll();
    doc.clearServerErrors();
    const problem = errors.firstProblem();
    if (problem !== undefined) {
      focus.requestFocus(problem);
      return;
    }
    void doc.save();
  };

  return (
    <FormApiContext.Provider value={formApi}>
      <Form className={`ci-form ci-form-${variant}`} validationBehavior="aria" onSubmit={onSubmit} aria-busy={doc.pending || undefined}>
        {readOnly ? null : !canEdit ? (
          <p className="alert alert-info">
            <FormattedMessage
              id="contactInfo.readOnly"
              defaultMessage="You can read the contact information but not change it. Admins and editors of the account can."
            />
          </p>
        ) : null}

        {doc.conflict ? (
          <ConflictBanner
            conflict={doc.conflict}
            pending={doc.pending}
            onReloadTheirs={() => void doc.reloadTheirs()}
            onSaveMine={() => void doc.saveMineAnyway()}
          />
        ) : null}

        {errors.summaryShown ? <ErrorSummary errors={errors.ordered} idOf={focus.idOf} onPick={focus.focusPlace} summaryRef={focus.summaryRef} /> : null}

        <AlertContactsGroup
          selected={draft.alertContacts}
          members={doc.members}
          saved={view.alertContacts}
          known={doc.known}
          sandbox={env === 'sandbox'}
          productionHref={productionHref}
          onChange={editor.setAlertContacts}
          canInvite={can('users.manage')}
          onInvite={onInvite}
          usersHref={usersHref}
        />
        {LIST_FIELDS.map((field) => {
          const entries = draft[field];
          return entries === null ? null : <ContactListGroup key={field} field={field} entries={entries} editor={editor} />;
        })}
        <UsersContactGroup value={draft.operationalContactForUsers} editor={editor} />
        <SupportGroup draft={draft} editor={editor} />

        <SaveActions
          view={view}
          variant={variant}
          canEdit={canEdit}
          dirty={dirty}
          pending={doc.pending}
          formError={doc.formError}
          notice={doc.notice}
          onDiscard={doc.discard}
        />
        {canEdit ? <UnsavedChangesPrompt dirty={dirty} /> : null}
      </Form>
    </FormApiContext.Provider>
  );
}
