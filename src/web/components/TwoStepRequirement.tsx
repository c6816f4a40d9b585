import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { api } from '../api';
import { useResource } from '../useResource';
import { Checkbox } from './Checkbox';
import { ErrorAlert } from './Feedback';

/**
 * "Require two-step sign-in": of an account's users (its admins decide) or of every operator.
 * Saved at once; people without it can do nothing but set it up (the server refuses the rest).
 */
export function TwoStepRequirement({ path, scope, headingId }: { path: string; scope: 'account' | 'operators'; headingId: string }) {
  const { state, reload } = useResource<{ required: boolean }>(path);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  if (state.status !== 'ready') return state.status === 'error' ? <ErrorAlert error={state.error} /> : null;
  const change = async (required: boolean) => {
    setError(null);
    setSaving(true);
    try {
      await api(path, { method: 'PUT', body: { required } });
      await reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className="page-section" aria-labelledby={headingId}>
      <h2 className="page-section-title" id={headingId}>
        <FormattedMessage id="twoStepRequirement.heading" defaultMessage="Two-step sign-in" />
      </h2>
      {error ? <ErrorAlert error={error} /> : null}
      <Checkbox isSelected={state.data.required} isDisabled={saving} onChange={(selected) => void change(selected)}>
        {scope === 'account' ? (
          <FormattedMessage id="twoStepRequirement.account" defaultMessage="Require two-step sign-in of every user of this account" />
        ) : (
          <FormattedMessage id="twoStepRequirement.operators" defaultMessage="Require two-step sign-in of every operator" />
        )}
      </Checkbox>
      <p className="field-description">
        <FormattedMessage
          id="twoStepRequirement.hint"
          defaultMessage="From then on, people who have not set it up can do nothing else until they have. It applies to you too: set it up for yourself first."
        />
      </p>
    </section>
  );
}
