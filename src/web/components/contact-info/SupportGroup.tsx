import { FormattedMessage } from 'react-intl';
import type { Draft } from './draft';
import type { DraftEditor } from './draftEditor';
import { FIELD_EXPLANATIONS } from './explanations';
import { FieldGroup } from './FormContext';
import { SupportEditor } from './SupportEditor';

/** "Operational support": 24/7 or weekly windows in a time zone, with the week as a picture. */
export function SupportGroup({ draft, editor }: { draft: Pick<Draft, 'alwaysOpen' | 'windows'>; editor: DraftEditor }) {
  return (
    <FieldGroup
      field="operationalSupport"
      explanation={
        <FormattedMessage {...FIELD_EXPLANATIONS.operationalSupport} />
      }
    >
      <SupportEditor
        alwaysOpen={draft.alwaysOpen}
        windows={draft.windows}
        onAlwaysOpenChange={editor.setAlwaysOpen}
        onWindowChange={editor.changeWindow}
        onAddWindows={editor.addWindows}
        onRemoveWindow={editor.removeWindow}
      />
    </FieldGroup>
  );
}
