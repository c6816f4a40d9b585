import { blankEntry, type EntryDraft, type ListField, type WindowDraft } from './draft';
import type { ContactInfoDocument } from './useContactInfo';

type UsersContactPart = 'email' | 'phone' | 'url';

interface Helpers {
  /** Drops the "touched" marks of a list whose rows moved. */
  rowsMoved: (field: string) => void;
  touch: (place: string) => void;
  requestFocus: (place: string, target?: 'add') => void;
}

/**
 * Every change the form's groups make to the draft. Each one tells the document which place
 * changed (the server's findings there are out of date), and a row added or removed moves
 * focus where a keyboard user expects it.
 */
export function draftEditor(doc: ContactInfoDocument, { rowsMoved, touch, requestFocus }: Helpers) {
  const { setDraft, draftRef, edited } = doc;
  const moved = (field: string) => {
    doc.rowsMoved(field);
    rowsMoved(field);
  };

  return {
    setAlertContacts: (alertContacts: string[]) => {
      setDraft((d) => ({ ...d, alertContacts }));
      edited('alertContacts');
    },

    changeEntry: (field: ListField, index: number, patch: Partial<EntryDraft>) => {
      setDraft((d) => ({ ...d, [field]: (d[field] ?? []).map((e, i) => (i === index ? { ...e, ...patch } : e)) }));
      for (const part of Object.keys(patch)) edited(`${field}.${index}.${part}`);
    },
    addEntry: (field: ListField) => {
      const length = draftRef.current?.[field]?.length ?? 0;
      setDraft((d) => ({ ...d, [field]: [...(d[field] ?? []), blankEntry()] }));
      edited(field);
      requestFocus(`${field}.${length}.email`);
    },
    removeEntry: (field: ListField, index: number) => {
      setDraft((d) => ({ ...d, [field]: (d[field] ?? []).filter((_e, i) => i !== index) }));
      moved(field);
      requestFocus(field, 'add');
    },

    changeUsersContact: (part: UsersContactPart, value: string) => {
      setDraft((d) => ({ ...d, operationalContactForUsers: { ...d.operationalContactForUsers, [part]: value } }));
      edited(`operationalContactForUsers.${part}`);
    },

    setAlwaysOpen: (alwaysOpen: boolean) => {
      setDraft((d) => ({ ...d, alwaysOpen }));
      edited('operationalSupport');
      touch('operationalSupport');
    },
    changeWindow: (index: number, patch: Partial<WindowDraft>) => {
      setDraft((d) => ({ ...d, windows: d.windows.map((w, i) => (i === index ? { ...w, ...patch } : w)) }));
      for (const part of Object.keys(patch)) edited(`operationalSupport.windows.${index}.${part}`);
    },
    addWindows: (added: WindowDraft[]) => {
      const length = draftRef.current?.windows.length ?? 0;
      setDraft((d) => ({ ...d, windows: [...d.windows, ...added] }));
      edited('operationalSupport');
      const [only] = added;
      if (added.length === 1 && only?.days.length === 5 && only.start === '09:00' && only.end === '17:00') {
        // "Add window" (and the weekday preset) land on the new window's days, ready to adjust.
        requestFocus(`operationalSupport.windows.${length}.days`);
      }
    },
    removeWindow: (index: number) => {
      setDraft((d) => ({ ...d, windows: d.windows.filter((_w, i) => i !== index) }));
      moved('operationalSupport');
      requestFocus('operationalSupport', 'add');
    },
  };
}

export type DraftEditor = ReturnType<typeof draftEditor>;
