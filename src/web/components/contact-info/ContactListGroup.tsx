import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { usePlatformName } from '../../meta';
import type { EntryDraft, ListField } from './draft';
import type { DraftEditor } from './draftEditor';
import { EntryListEditor } from './EntryListEditor';
import { FIELD_EXPLANATIONS } from './explanations';
import { FieldGroup } from './FormContext';

/** One of the four lists of contacts people type in (technical, merchant issues, for the platform). */
export function ContactListGroup({ field, entries, editor }: { field: ListField; entries: readonly EntryDraft[]; editor: DraftEditor }) {
  const platform = usePlatformName();
  const explanations: Record<ListField, ReactNode> = {
    technicalEmergencyContacts: (
      <FormattedMessage {...FIELD_EXPLANATIONS.technicalEmergencyContacts} values={{ platform }} />
    ),
    technicalNonEmergencyContacts: (
      <FormattedMessage {...FIELD_EXPLANATIONS.technicalNonEmergencyContacts} />
    ),
    merchantIssueContacts: (
      <FormattedMessage {...FIELD_EXPLANATIONS.merchantIssueContacts} />
    ),
    operationalContactsForPlatform: (
      <FormattedMessage {...FIELD_EXPLANATIONS.operationalContactsForPlatform} values={{ platform }} />
    ),
  };
  const hint =
    field === 'technicalEmergencyContacts' ? (
      <FormattedMessage
        id="contactInfo.hint.pagerAlias"
        defaultMessage="Recommended: a pager or on-call group alias rather than one person's mailbox, so the message reaches whoever is on duty."
      />
    ) : undefined;

  return (
    <FieldGroup field={field} explanation={explanations[field]} hint={hint}>
      <EntryListEditor
        field={field}
        entries={entries}
        onChange={(index, patch) => editor.changeEntry(field, index, patch)}
        onAdd={() => editor.addEntry(field)}
        onRemove={(index) => editor.removeEntry(field, index)}
      />
    </FieldGroup>
  );
}
