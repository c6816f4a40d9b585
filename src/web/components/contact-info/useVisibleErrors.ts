import { useCallback, useMemo, useState } from 'react';
import type { Environment } from '../../environment';
import type { ContactInfoView, Member } from '../../types';
import { currentInfo, formPlaces, validateDraft, type Draft, type PlacedError } from './draft';

interface Inputs {
  draft: Draft | null;
  view: ContactInfoView | null;
  members: readonly Member[] | null;
  env: Environment;
  serverErrors: ReadonlyMap<string, PlacedError>;
}

/**
 * Which problems the form shows. The domain's own validation runs on every change, but a
 * field's findings show only once the person has left it (or after a submit), so nobody is
 * scolded while still typing; the server's findings show until the place they concern changes.
 */
export function useVisibleErrors({ draft, view, members, env, serverErrors }: Inputs) {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);

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

  /** Every place an error can be shown at, in the order they appear on screen. */
  const places = useMemo(() => (draft ? formPlaces(draft) : []), [draft]);

  const visible = useMemo(() => {
    const shown = new Map<string, PlacedError>();
    for (const [place, error] of clientErrors) {
      if (showAll || touched.has(place)) shown.set(place, error);
    }
    for (const [place, error] of serverErrors) {
      if (!shown.has(place)) shown.set(place, error);
    }
    return shown;
  }, [clientErrors, serverErrors, showAll, touched]);

  /** What the summary lists, in the order of the form. */
  const ordered = useMemo(() => {
    const order = ['', ...places];
    return [...visible.values()].sort((a, b) => order.indexOf(a.place) - order.indexOf(b.place));
  }, [visible, places]);

  /** The person left a field: its errors may show from now on. */
  const touch = useCallback(
    (place: string) =>
      setTouched((current) => {
        if (current.has(place)) return current;
        const next = new Set(current);
        next.add(place);
        return next;
      }),
    [],
  );

  /** Rows of a list moved: "touched" marks by row number no longer fit, but the list itself was. */
  const rowsMoved = useCallback((field: string) => {
    const under = (key: string) => key === field || key.startsWith(`${field}.`);
    setTouched((current) => new Set([...current].filter((key) => !under(key) || key === field)).add(field));
  }, []);

  const reset = useCallback(() => {
    setTouched(new Set());
    setShowAll(false);
  }, []);

  /** The first place the browser finds a problem at, if any. */
  const firstProblem = () => ['', ...places].find((place) => clientErrors.has(place));

  return {
    visible,
    ordered,
    /** The summary shows after a submit, or while the server's findings stand. */
    summaryShown: ordered.length > 0 && (showAll || serverErrors.size > 0),
    touch,
    rowsMoved,
    reset,
    showAll: () => setShowAll(true),
    firstProblem,
  };
}
