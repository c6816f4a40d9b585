import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Button, Form } from 'react-aria-components';
import { Link } from 'react-router';
import { ApiError, api } from '../../api';
import { paths } from '../../apiPaths';
import type { Environment } from '../../environment';
import { useMeta } from '../../meta';
import { useCan } from '../../permissions';
import type { ContactInfoView, Member, MembersPage } from '../../types';
import { CONTACT_FIELD_NAMES, inDisplayOrder } from '../contactFields';
import { ErrorAlert, LoadFailed, Loading, errorText } from '../Feedback';
import { TextField } from '../TextField';
import { AlertContactsEditor } from './AlertContactsEditor';
import {
  LIST_FIELDS,
  blankEntry,
  buildBody,
  currentInfo,
  draftFromView,
  fieldOfPlace,
  formPlaces,
  placeErrors,
  sameDraft,
  validateDraft,
  type Draft,
  type EntryDraft,
  type ListField,
  type PlacedError,
  type WindowDraft,
} from './draft';
import { EntryListEditor } from './EntryListEditor';
import { FieldGroup, FormApiContext, type FormApi } from './FormContext';
import { errorMessage, placeLabel } from './messages';
import { SupportEditor } from './SupportEditor';

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
  /** False while the form is hidden behind another tab: the users list is fetched again when it comes back. */
  active?: boolean;
}

type LoadState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready' };

interface Conflict {
  /** The version that is stored now, once fetched (who saved it, and when). */
  latest: ContactInfoView | null;
}

const USERS_LIMIT = 200;

/**
 * The contact information, one group per field, for the onboarding modal and the Configuration
 * page alike. The domain's own `validateContactInfo` runs in the browser (on blur once a field
 * is touched, and on submit), so people see the server's rules before saving; the server's
 * errors land on the same inputs. What was typed is kept through errors and version conflicts.
 */
export function ContactInfoForm(props: ContactInfoFormProps) {
  const { accountId, env, variant, headingLevel, onSaved, onInvite, usersHref, productionHref, active = true } = props;
  const intl = useIntl();
  const meta = useMeta();
  const platform = meta?.platformName ?? intl.formatMessage({ id: 'contactInfo.platformFallback', defaultMessage: 'the platform' });
  const formId = useId();
  const can = useCan(accountId);
  const canEdit = can('contactInfo.write');
  const canInvite = can('users.manage');
  const documentUrl = paths.contactInfo(accountId, env);

  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [view, setView] = useState<ContactInfoView | null>(null);
  const [draft, setDraftState] = useState<Draft | null>(null);
  const draftRef = useRef<Draft | null>(null);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<ReadonlyMap<string, PlacedError>>(new Map());
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [pending, setPending] = useState(false);
  const [savedNote, setSavedNote] = useState<ReactNode>(null);
  const [focusRequest, setFocusRequest] = useState<{ place: string; target?: 'add' } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const setDraft = useCallback((next: Draft | ((current: Draft) => Draft)) => {
    setDraftState((current) => {
      const value = typeof next === 'function' ? (current ? next(current) : current) : next;
      draftRef.current = value;
      return value;
    });
  }, []);

  const idOf = useCallback((place: string) => `${formId}-${place.replaceAll('.', '-') || 'form'}`.replace(/[^\w-]/g, ''), [formId]);

  // ---- Loading --------------------------------------------------------------------------------

  const adopt = useCallback(
    (next: ContactInfoView) => {
      setView(next);
      setDraft(draftFromView(next));
      setTouched(new Set());
      setShowAll(false);
      setServerErrors(new Map());
    },
    [setDraft],
  );

  const loadDocument = useCallback(async () => {
    setLoad({ status: 'loading' });
    try {
      adopt(await api<ContactInfoView>(documentUrl));
      setLoad({ status: 'ready' });
    } catch (error) {
      setLoad({ status: 'error', error });
    }
  }, [adopt, documentUrl]);

  const viewRef = useRef<ContactInfoView | null>(null);
  viewRef.current = view;
  const loadedUrl = useRef<string | null>(null);
  useEffect(() => {
    // Switching environment with unsaved changes keeps them (the document is the same in both);
    // otherwise the document is loaded for the new environment.
    const unsaved = viewRef.current && draftRef.current && !sameDraft(draftRef.current, draftFromView(viewRef.current));
    const first = loadedUrl.current === null;
    loadedUrl.current = documentUrl;
    if (!first && unsaved) return;
    void loadDocument();
  }, [documentUrl, loadDocument]);

  const known = useRef(new Map<string, { email: string; name: string }>());
  const loadMembers = useCallback(async () => {
    try {
      const page = await api<MembersPage>(paths.users(accountId, { limit: USERS_LIMIT }));
      for (const m of page.items) known.current.set(m.userId, { email: m.email, name: m.name });
      setMembers(page.items);
    } catch {
      // The checkboxes stay as they were; the saved alert contacts are still listed by name.
    }
  }, [accountId]);

  useEffect(() => {
    if (active) void loadMembers();
  }, [active, loadMembers]);

  // ---- Validation -----------------------------------------------------------------------------

  const hasMerchant = view ? view.merchantIssueContacts !== null : false;
  const memberIds = useMemo(() => {
    if (members) return new Set(members.map((m) => m.userId));
    // Until the users arrive, nobody chosen is reported as "not a member".
    return new Set([...(view?.alertContacts.map((a) => a.userId) ?? []), ...(draft?.alertContacts ?? [])]);
  }, [members, view, draft?.alertContacts]);

  const clientErrors = useMemo(() => {
    if (!draft || !view) return new Map<string, PlacedError>();
    return validateDraft(draft, { memberIds, hasMerchantIssueContacts: hasMerchant, env, current: currentInfo(view) });
  }, [draft, view, memberIds, hasMerchant, env]);

  const places = useMemo(() => (draft ? formPlaces(draft) : []), [draft]);

  /** What is shown: the browser's findings once a field was left (or after submit), then the server's. */
  const visibleErrors = useMemo(() => {
    const shown = new Map<string, PlacedError>();
    for (const [place, error] of clientErrors) {
      if (showAll || touched.has(place)) shown.set(place, error);
    }
    for (const [place, error] of serverErrors) {
      if (!shown.has(place)) shown.set(place, error);
    }
    return shown;
  }, [clientErrors, serverErrors, showAll, touched]);

  const orderedErrors = useMemo(() => {
    const order = ['', ...places];
    return [...visibleErrors.values()].sort((a, b) => order.indexOf(a.place) - order.indexOf(b.place));
  }, [visibleErrors, places]);

  const focusPlace = useCallback(
    (place: string, target?: 'add') => {
      const element =
        (target === 'add' ? document.getElementById(`${idOf(place)}-add`) : null) ??
        document.getElementById(idOf(place)) ??
        (fieldOfPlace(place) ? document.getElementById(idOf(fieldOfPlace(place)!)) : null);
      if (!element) {
        summaryRef.current?.focus();
        return;
      }
      const focusable =
        element.matches('input, button, select, textarea, a[href]') && !element.hasAttribute('disabled')
          ? element
          : element.querySelector<HTMLElement>('input:not([disabled]):not([type="hidden"]), button:not([disabled]), select, textarea, a[href], [tabindex="0"]');
      (focusable ?? element).focus();
    },
    [idOf],
  );

  // Focus moves after React has drawn the row it points at (a new contact, a removed one…).
  useEffect(() => {
    if (!focusRequest) return;
    focusPlace(focusRequest.place, focusRequest.target);
    setFocusRequest(null);
  }, [focusRequest, focusPlace]);

  const formApi: FormApi = useMemo(
    () => ({
      readOnly: !canEdit,
      errorAt: (place: string) => {
        const error = visibleErrors.get(place);
        return error ? errorMessage(intl, error) : null;
      },
      idOf,
      touch: (place: string) =>
        setTouched((current) => {
          if (current.has(place)) return current;
          const next = new Set(current);
          next.add(place);
          return next;
        }),
      headingLevel,
      missing: view?.missing ?? [],
    }),
    [canEdit, visibleErrors, intl, idOf, headingLevel, view?.missing],
  );

  // ---- Editing --------------------------------------------------------------------------------

  /** A change at `place`: the server's word on it is out of date now. */
  const edited = useCallback((place: string) => {
    setSavedNote(null);
    setServerErrors((current) => {
      if (![...current.keys()].some((key) => key === place || key === fieldOfPlace(place) || key === '')) return current;
      const next = new Map(current);
      next.delete(place);
      const field = fieldOfPlace(place);
      if (field) next.delete(field);
      next.delete('');
      return next;
    });
  }, []);

  /** Rows of a list moved: errors and "touched" marks by row number no longer fit. */
  const rowsMoved = useCallback((field: string) => {
    setSavedNote(null);
    const under = (key: string) => key === field || key.startsWith(`${field}.`);
    setServerErrors((current) => new Map([...current].filter(([key]) => !under(key))));
    setTouched((current) => new Set([...current].filter((key) => !under(key) || key === field)).add(field));
  }, []);

  const changeEntry = (field: ListField, index: number, patch: Partial<EntryDraft>) => {
    setDraft((d) => ({ ...d, [field]: (d[field] ?? []).map((e, i) => (i === index ? { ...e, ...patch } : e)) }));
    for (const part of Object.keys(patch)) edited(`${field}.${index}.${part}`);
  };
  const addEntry = (field: ListField) => {
    const length = draftRef.current?.[field]?.length ?? 0;
    setDraft((d) => ({ ...d, [field]: [...(d[field] ?? []), blankEntry()] }));
    edited(field);
    setFocusRequest({ place: `${field}.${length}.email` });
  };
  const removeEntry = (field: ListField, index: number) => {
    setDraft((d) => ({ ...d, [field]: (d[field] ?? []).filter((_e, i) => i !== index) }));
    rowsMoved(field);
    setFocusRequest({ place: field, target: 'add' });
  };
  const changeWindow = (index: number, patch: Partial<WindowDraft>) => {
    setDraft((d) => ({ ...d, windows: d.windows.map((w, i) => (i === index ? { ...w, ...patch } : w)) }));
    for (const part of Object.keys(patch)) edited(`operationalSupport.windows.${index}.${part}`);
  };
  const addWindows = (added: WindowDraft[]) => {
    const length = draftRef.current?.windows.length ?? 0;
    setDraft((d) => ({ ...d, windows: [...d.windows, ...added] }));
    edited('operationalSupport');
    if (added.length === 1 && added[0]!.days.length === 5 && added[0]!.start === '09:00' && added[0]!.end === '17:00') {
      // "Add window" (and the weekday preset) land on the new window's days, ready to adjust.
      setFocusRequest({ place: `operationalSupport.windows.${length}.days` });
    }
  };
  const removeWindow = (index: number) => {
    setDraft((d) => ({ ...d, windows: d.windows.filter((_w, i) => i !== index) }));
    rowsMoved('operationalSupport');
    setFocusRequest({ place: 'operationalSupport', target: 'add' });
  };

  // ---- Saving ---------------------------------------------------------------------------------

  const save = async (version: number) => {
    const sent = draftRef.current;
    if (!sent) return;
    const { body, rows } = buildBody(sent);
    setPending(true);
    setFormError(null);
    setSavedNote(null);
    try {
      const saved = await api<ContactInfoView>(documentUrl, { method: 'PUT', body, headers: { 'If-Match': `"${version}"` } });
      setConflict(null);
      if (draftRef.current === sent) adopt(saved);
      else setView(saved); // typed on while saving: keep that, on top of the new version
      setSavedNote(
        saved.complete ? (
          <FormattedMessage id="contactInfo.saved" defaultMessage="Saved. Version {version} is now in effect." values={{ version: saved.version }} />
        ) : (
          <FormattedMessage
            id="contactInfo.savedIncomplete"
            defaultMessage="Saved as a draft. Still missing: {fields}."
            values={{ fields: intl.formatList(inDisplayOrder(saved.missing).map((f) => intl.formatMessage(CONTACT_FIELD_NAMES[f])), { type: 'conjunction' }) }}
          />
        ),
      );
      await onSaved?.(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setConflict({ latest: null });
        // Who saved in between, for the banner (the form keeps what was typed either way).
        api<ContactInfoView>(documentUrl).then(
          (latest) => setConflict((c) => (c ? { latest } : c)),
          () => undefined,
        );
      } else if (error instanceof ApiError && error.code === 'validation_failed' && error.details.length > 0) {
        const placed = placeErrors(
          error.details.map((d) => ({ path: d.path, code: d.code })),
          rows,
          new Set(formPlaces(sent)),
        );
        setServerErrors(placed);
        setShowAll(true);
        // "Not a member" means the users changed meanwhile: show today's list.
        if (error.details.some((d) => d.code === 'not_a_member')) void loadMembers();
        const first = ['', ...formPlaces(sent)].find((place) => placed.has(place));
        if (first !== undefined) setFocusRequest({ place: first });
      } else {
        setFormError(errorText(intl, error));
      }
    } finally {
      setPending(false);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending || !view || !draft || !canEdit) return;
    setShowAll(true);
    setServerErrors(new Map());
    if (clientErrors.size > 0) {
      const first = ['', ...places].find((place) => clientErrors.has(place));
      if (first !== undefined) setFocusRequest({ place: first });
      return;
    }
    void save(view.version);
  };

  const reloadTheirs = async () => {
    setPending(true);
    try {
      adopt(await api<ContactInfoView>(documentUrl));
      setConflict(null);
      setFormError(null);
      setSavedNote(<FormattedMessage id="contactInfo.conflict.reloaded" defaultMessage="Showing the latest saved version. Your changes were discarded." />);
    } catch (error) {
      setFormError(errorText(intl, error));
    } finally {
      setPending(false);
    }
  };

  const saveMineAnyway = async () => {
    setPending(true);
    let latest: ContactInfoView;
    try {
      latest = await api<ContactInfoView>(documentUrl);
    } catch (error) {
      setFormError(errorText(intl, error));
      setPending(false);
      return;
    }
    setView(latest);
    await save(latest.version);
  };

  // ---- Drawing --------------------------------------------------------------------------------

  if (load.status === 'loading' && !view) return <Loading />;
  if (load.status === 'error' && !view) {
    return <LoadFailed error={load.error} onRetry={loadDocument} />;
  }
  if (!view || !draft) return null;

  const dirty = !sameDraft(draft, draftFromView(view));
  const invite =
    canInvite && env === 'production' ? (
      onInvite ? (
        <Button className="button button-small" onPress={onInvite}>
          <FormattedMessage id="contactInfo.alert.inviteTab" defaultMessage="Someone missing? Invite a colleague" />
        </Button>
      ) : usersHref ? (
        <Link to={usersHref}>
          <FormattedMessage id="contactInfo.alert.inviteLink" defaultMessage="Someone missing? Invite a colleague on the Users page" />
        </Link>
      ) : null
    ) : !canInvite && canEdit ? (
      <span className="field-description">
        <FormattedMessage id="contactInfo.alert.askAdmin" defaultMessage="Someone missing? An admin of the account can invite them." />
      </span>
    ) : null;

  const listExplanation: Record<ListField, ReactNode> = {
    technicalEmergencyContacts: (
      <FormattedMessage
        id="contactInfo.explain.technicalEmergencyContacts"
        defaultMessage="Reached at once when something is urgent, for example when {platform} disables your integration."
        values={{ platform }}
      />
    ),
    technicalNonEmergencyContacts: (
      <FormattedMessage
        id="contactInfo.explain.technicalNonEmergencyContacts"
        defaultMessage="For ongoing technical work that needs your engineers: API migrations, matching problems, feed errors."
      />
    ),
    merchantIssueContacts: (
      <FormattedMessage
        id="contactInfo.explain.merchantIssueContacts"
        defaultMessage="Told about problems raised by merchants, for example a merchant asking to be removed from a partner it does no business with. Your integration needs this field."
      />
    ),
    operationalContactsForPlatform: (
      <FormattedMessage
        id="contactInfo.explain.operationalContactsForPlatform"
        defaultMessage="Whom {platform} contacts when a user's problem needs you to step in, for example a booking that was not honored. Only {platform} sees these addresses: they are never shown to users."
        values={{ platform }}
      />
    ),
  };

  return (
    <FormApiContext.Provider value={formApi}>
      <Form className={`ci-form ci-form-${variant}`} validationBehavior="aria" onSubmit={onSubmit} aria-busy={pending || undefined}>
        {!canEdit ? (
          <p className="alert alert-info">
            <FormattedMessage
              id="contactInfo.readOnly"
              defaultMessage="You can read the contact information but not change it. Admins and editors of the account can."
            />
          </p>
        ) : null}

        {conflict ? (
          <div className="alert alert-error ci-conflict" role="alert">
            <p className="ci-conflict-title">
              <strong>
                <FormattedMessage id="contactInfo.conflict.title" defaultMessage="Someone else changed the contact information since you opened it." />
              </strong>
            </p>
            <p>
              {conflict.latest?.updatedBy && conflict.latest.updatedAt ? (
                <FormattedMessage
                  id="contactInfo.conflict.who"
                  defaultMessage="{name} saved version {version} at {time}."
                  values={{
                    name: conflict.latest.updatedBy.name,
                    version: conflict.latest.version,
                    time: intl.formatDate(conflict.latest.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
                  }}
                />
              ) : null}{' '}
              <FormattedMessage
                id="contactInfo.conflict.body"
                defaultMessage="Nothing of yours was saved, and everything you typed is still in the form. Load their version (yours is discarded), or save yours over theirs."
              />
            </p>
            <div className="toolbar">
              <Button className="button" isDisabled={pending} onPress={() => void reloadTheirs()}>
                <FormattedMessage id="contactInfo.conflict.reload" defaultMessage="Reload their version" />
              </Button>
              <Button className="button button-primary" isDisabled={pending} onPress={() => void saveMineAnyway()}>
                <FormattedMessage id="contactInfo.conflict.overwrite" defaultMessage="Save mine anyway" />
              </Button>
            </div>
          </div>
        ) : null}

        {orderedErrors.length > 0 && (showAll || serverErrors.size > 0) ? (
          <div className="alert alert-error ci-summary" role="alert" tabIndex={-1} ref={summaryRef}>
            <p className="ci-summary-title">
              <strong>
                <FormattedMessage
                  id="contactInfo.summary.title"
                  defaultMessage="{count, plural, one {One thing needs fixing} other {# things need fixing}} before saving:"
                  values={{ count: orderedErrors.length }}
                />
              </strong>
            </p>
            <ul className="ci-summary-list">
              {orderedErrors.map((error) => (
                <li key={error.place}>
                  <a
                    href={`#${idOf(error.place)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      focusPlace(error.place);
                    }}
                  >
                    {placeLabel(intl, error.place)}
                  </a>
                  {': '}
                  {errorMessage(intl, error)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <FieldGroup
          field="alertContacts"
          explanation={
            <FormattedMessage
              id="contactInfo.explain.alertContacts"
              defaultMessage="Users of this portal who can look into problems in Production that are not emergencies. Automated alert emails from {platform} go to them whenever an issue is detected. Pick them from the account's users."
              values={{ platform }}
            />
          }
        >
          <AlertContactsEditor
            selected={draft.alertContacts}
            members={members}
            saved={view.alertContacts}
            known={known.current}
            sandbox={env === 'sandbox'}
            productionHref={productionHref}
            invite={invite}
            onChange={(alertContacts) => {
              setDraft((d) => ({ ...d, alertContacts }));
              edited('alertContacts');
            }}
          />
        </FieldGroup>

        {LIST_FIELDS.map((field) => {
          const entries = draft[field];
          if (entries === null) return null;
          return (
            <FieldGroup
              key={field}
              field={field}
              explanation={listExplanation[field]}
              hint={
                field === 'technicalEmergencyContacts' ? (
                  <FormattedMessage
                    id="contactInfo.hint.pagerAlias"
                    defaultMessage="Recommended: a pager or on-call group alias rather than one person's mailbox, so the message reaches whoever is on duty."
                  />
                ) : undefined
              }
            >
              <EntryListEditor
                field={field}
                entries={entries}
                onChange={(index, patch) => changeEntry(field, index, patch)}
                onAdd={() => addEntry(field)}
                onRemove={(index) => removeEntry(field, index)}
              />
            </FieldGroup>
          );
        })}

        <FieldGroup
          field="operationalContactForUsers"
          explanation={
            <FormattedMessage
              id="contactInfo.explain.operationalContactForUsers"
              defaultMessage="Shown to users who need help with a refund, a cancellation or a change to an order. Usually your brand's support address; phone and website are optional."
            />
          }
        >
          <div className="ci-users-contact">
            {(['email', 'phone', 'url'] as const).map((part) => {
              const place = `operationalContactForUsers.${part}`;
              const labels = {
                email: intl.formatMessage({ id: 'contactInfo.users.email', defaultMessage: 'Email' }),
                phone: intl.formatMessage({ id: 'contactInfo.users.phone', defaultMessage: 'Phone' }),
                url: intl.formatMessage({ id: 'contactInfo.users.url', defaultMessage: 'Website URL' }),
              };
              const hints = {
                email: undefined,
                phone: intl.formatMessage({ id: 'contactInfo.entry.phone.hint', defaultMessage: 'International format: +44 20 7946 0958' }),
                url: intl.formatMessage({ id: 'contactInfo.users.url.hint', defaultMessage: 'A help page, starting with https://' }),
              };
              return (
                <div key={part} id={idOf(place)} className={`ci-users-${part}`}>
                  <TextField
                    label={labels[part]}
                    name={place}
                    type={part === 'email' ? 'email' : part === 'phone' ? 'tel' : 'url'}
                    autoComplete="off"
                    isRequired={part === 'email'}
                    isReadOnly={!canEdit}
                    value={draft.operationalContactForUsers[part]}
                    onChange={(value) => {
                      setDraft((d) => ({ ...d, operationalContactForUsers: { ...d.operationalContactForUsers, [part]: value } }));
                      edited(place);
                    }}
                    onBlur={() => formApi.touch(place)}
                    description={canEdit ? hints[part] : undefined}
                    error={formApi.errorAt(place)}
                  />
                </div>
              );
            })}
          </div>
        </FieldGroup>

        <FieldGroup
          field="operationalSupport"
          explanation={
            <FormattedMessage
              id="contactInfo.explain.operationalSupport"
              defaultMessage="When your support team helps users, and in which time zone. Select all that apply: 24/7, or one or more weekly windows."
            />
          }
        >
          <SupportEditor
            alwaysOpen={draft.alwaysOpen}
            windows={draft.windows}
            onAlwaysOpenChange={(alwaysOpen) => {
              setDraft((d) => ({ ...d, alwaysOpen }));
              edited('operationalSupport');
              formApi.touch('operationalSupport');
            }}
            onWindowChange={changeWindow}
            onAddWindows={addWindows}
            onRemoveWindow={removeWindow}
          />
        </FieldGroup>

        {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}

        {view.updatedAt ? (
          <p className="ci-updated muted">
            {view.updatedBy?.name ? (
              <FormattedMessage
                id="contactInfo.updatedBy"
                defaultMessage="Version {version}, saved by {name} on {time}."
                values={{ version: view.version, name: view.updatedBy.name, time: intl.formatDate(view.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) }}
              />
            ) : (
              <FormattedMessage
                id="contactInfo.updatedAt"
                defaultMessage="Version {version}, saved on {time}."
                values={{ version: view.version, time: intl.formatDate(view.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) }}
              />
            )}
          </p>
        ) : null}

        {canEdit ? (
          <div className={`ci-actions ci-actions-${variant}`}>
            <p className="ci-status" role="status">
              {savedNote}
            </p>
            <div className="toolbar">
              {variant === 'page' && dirty ? (
                <Button className="button" isDisabled={pending} onPress={() => adopt(view)}>
                  <FormattedMessage id="contactInfo.discard" defaultMessage="Discard changes" />
                </Button>
              ) : null}
              <Button type="submit" className={`button button-primary${pending ? ' is-busy' : ''}`}>
                {variant === 'modal'
                  ? intl.formatMessage({ id: 'modal.submit', defaultMessage: 'Submit' })
                  : intl.formatMessage({ id: 'contactInfo.save', defaultMessage: 'Save' })}
              </Button>
            </div>
          </div>
        ) : null}
      </Form>
    </FormApiContext.Provider>
  );
}
