import { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError, api } from '../../api';
import { paths } from '../../apiPaths';
import type { Environment } from '../../environment';
import type { ContactInfoView, Member, MembersPage } from '../../types';
import { errorText } from '../Feedback';
import { buildBody, draftFromView, fieldOfPlace, formPlaces, placeErrors, sameDraft, type Draft, type PlacedError } from './draft';

type LoadState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready' };

export interface Conflict {
  /** The version that is stored now, once fetched (who saved it, and when). */
  latest: ContactInfoView | null;
}

/** What the form says after a save: the saved version, or that the latest one replaced the draft. */
export type Notice = { kind: 'saved'; view: ContactInfoView } | { kind: 'reloaded' } | null;

export interface PersonName {
  email: string;
  name: string;
}

interface Options {
  accountId: string;
  env: Environment;
  /** False while the form is hidden: the users are fetched again when it comes back. */
  active: boolean;
  /** After every successful save, with the saved document. */
  onSaved?: (view: ContactInfoView) => void | Promise<void>;
  /** A document replaced the draft (loaded, saved, reloaded, discarded): what was touched no longer counts. */
  onReplaced: () => void;
  /** The server refused the draft; its problems are in `serverErrors`, `first` is the first place on screen. */
  onRejected: (first: string | undefined) => void;
}

const USERS_LIMIT = 200;

/**
 * The contact-information document behind the form: loading it for the environment, the draft
 * being edited, the account's users (to pick alert contacts from), and saving with the loaded
 * version as `If-Match`, so that a save over someone else's newer version is a 412 conflict
 * instead of a silent overwrite. What was typed is kept through errors and conflicts.
 */
export function useContactInfo({ accountId, env, active, onSaved, onReplaced, onRejected }: Options) {
  const intl = useIntl();
  const documentUrl = paths.contactInfo(accountId, env);
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [view, setView] = useState<ContactInfoView | null>(null);
  const [draft, setDraftState] = useState<Draft | null>(null);
  // The draft as of now, for async code and for handlers that run before the next render.
  const draftRef = useRef<Draft | null>(null);
  const [members, setMembers] = useState<Member[] | null>(null);
  const [serverErrors, setServerErrors] = useState<ReadonlyMap<string, PlacedError>>(new Map());
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  // The caller's latest callbacks, without reloading when it passes new ones each render.
  const callbacks = useRef({ onSaved, onReplaced, onRejected });
  callbacks.current = { onSaved, onReplaced, onRejected };

  const setDraft = useCallback((next: Draft | ((current: Draft) => Draft)) => {
    setDraftState((current) => {
      const value = typeof next === 'function' ? (current ? next(current) : current) : next;
      draftRef.current = value;
      return value;
    });
  }, []);

  // ---- Loading --------------------------------------------------------------------------------

  const adopt = useCallback(
    (next: ContactInfoView) => {
      setView(next);
      setDraft(draftFromView(next));
      setServerErrors(new Map());
      callbacks.current.onReplaced();
    },
    [setDraft],
  );

  const reload = useCallback(async () => {
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
    void reload();
  }, [documentUrl, reload]);

  // Everyone ever seen as a user here: someone chosen who has since left is still named.
  const known = useRef(new Map<string, PersonName>());
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

  // ---- Editing --------------------------------------------------------------------------------

  /** A change at `place`: the server's word on it (and on the whole form) is out of date now. */
  const edited = useCallback((place: string) => {
    setNotice(null);
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

  /** Rows of a list moved: the server's errors by row number no longer fit. */
  const rowsMoved = useCallback((field: string) => {
    setNotice(null);
    const under = (key: string) => key === field || key.startsWith(`${field}.`);
    setServerErrors((current) => new Map([...current].filter(([key]) => !under(key))));
  }, []);

  /** Before the browser's own checks run on submit: the server's findings were about an older draft. */
  const clearServerErrors = () => setServerErrors(new Map());

  // ---- Saving ---------------------------------------------------------------------------------

  const save = async (version: number) => {
    const sent = draftRef.current;
    if (!sent) return;
    const { body, rows } = buildBody(sent);
    setPending(true);
    setFormError(null);
    setNotice(null);
    try {
      const saved = await api<ContactInfoView>(documentUrl, { method: 'PUT', body, headers: { 'If-Match': `"${version}"` } });
      setConflict(null);
      if (draftRef.current === sent) adopt(saved);
      else setView(saved); // typed on while saving: keep that, on top of the new version
      setNotice({ kind: 'saved', view: saved });
      await callbacks.current.onSaved?.(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setConflict({ latest: null });
        // Who saved in between, for the banner (the form keeps what was typed either way).
        api<ContactInfoView>(documentUrl).then(
          (latest) => setConflict((c) => (c ? { latest } : c)),
          () => undefined,
        );
      } else if (error instanceof ApiError && error.code === 'validation_failed' && error.details.length > 0) {
        const places = formPlaces(sent);
        const placed = placeErrors(
          error.details.map((d) => ({ path: d.path, code: d.code })),
          rows,
          new Set(places),
        );
        setServerErrors(placed);
        // "Not a member" means the users changed meanwhile: show today's list.
        if (error.details.some((d) => d.code === 'not_a_member')) void loadMembers();
        callbacks.current.onRejected(['', ...places].find((place) => placed.has(place)));
      } else {
        setFormError(errorText(intl, error));
      }
    } finally {
      setPending(false);
    }
  };

  /** After a conflict: their version replaces the draft. */
  const reloadTheirs = async () => {
    setPending(true);
    try {
      adopt(await api<ContactInfoView>(documentUrl));
      setConflict(null);
      setFormError(null);
      setNotice({ kind: 'reloaded' });
    } catch (error) {
      setFormError(errorText(intl, error));
    } finally {
      setPending(false);
    }
  };

  /** After a conflict: the draft is saved over their version. */
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

  return {
    load,
    reload,
    view,
    draft,
    draftRef,
    setDraft,
    /** Back to the saved document. */
    discard: () => view && adopt(view),
    members,
    known: known.current,
    edited,
    rowsMoved,
    serverErrors,
    clearServerErrors,
    save: () => (view ? save(view.version) : Promise.resolve()),
    pending,
    formError,
    notice,
    conflict,
    reloadTheirs,
    saveMineAnyway,
  };
}

export type ContactInfoDocument = ReturnType<typeof useContactInfo>;
