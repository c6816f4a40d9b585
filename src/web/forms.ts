import { useState } from 'react';
import type { IntlShape } from 'react-intl';
import { ApiError } from './api';
import { errorText } from './components/Feedback';

/** A failed request split into messages for the form's fields and one for the form itself. */
export interface MappedError<F extends string> {
  fields: Partial<Record<F, string>>;
  /** What belongs to no field (a conflict, a network failure…); null when every problem has its field. */
  form: string | null;
}

/**
 * Maps an ApiError onto a form: each `details` entry goes to the field named by the first segment
 * of its path (`integrations.2` → `integrations`); error codes listed in `codeFields` (say
 * `already_member` → `email`) go to that field; anything else becomes the form's message.
 */
export function mapApiError<F extends string>(
  intl: IntlShape,
  error: unknown,
  fields: readonly F[],
  codeFields: Partial<Record<string, F>> = {},
): MappedError<F> {
  const result: MappedError<F> = { fields: {}, form: null };
  if (!(error instanceof ApiError)) {
    result.form = errorText(intl, error);
    return result;
  }
  const byCode = codeFields[error.code];
  if (byCode) {
    result.fields[byCode] = error.message || errorText(intl, error);
    return result;
  }
  const unplaced: string[] = [];
  for (const detail of error.details) {
    const field = detail.path.split('.')[0] as F;
    if (fields.includes(field)) {
      result.fields[field] ??= detail.message || errorText(intl, error);
    } else if (detail.message) {
      unplaced.push(detail.message);
    }
  }
  if (error.details.length === 0 || unplaced.length > 0) {
    result.form = [errorText(intl, error), ...unplaced].join(' ');
  }
  return result;
}

/** The first of `order` that has an error, to move focus to. */
export function firstInvalid<F extends string>(order: readonly F[], fields: Partial<Record<F, string>>): F | undefined {
  return order.find((field) => Boolean(fields[field]));
}

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** A form's messages by field; `clearError(field)` drops a field's message once the person edits it. */
export function useFieldErrors<F extends string>() {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const clearError = (field: F) => {
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };
  return [errors, setErrors, clearError] as const;
}
