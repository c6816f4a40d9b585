import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { usePlatformName } from '../../meta';
import type { EntryDraft, ListField } from './draft';
import type { DraftEditor } from './draftEditor';
import { EntryListEditor } from './EntryListEditor';
import { FieldGroup } from './FormContext';

/** One of the four lists of contacts people type in (technical, merchant issues, for the platform). */
export function ContactListGroup({ field, entries, editor }: { field: ListField; entries: readonly EntryDraft[]; editor: DraftEditor }) {
  const platform = usePlatformName();
  const explanations: Record<ListField, ReactNode> = {
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
