import { useRef, useState, type FormEvent } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
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

/** The fields of `V` that hold text (what a TextField edits). */
type TextFields<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

export interface Submission<V, F extends string> {
  /** The browser's own checks, before anything is sent: a message per field in error. */
  check?: (values: V) => FieldErrors<F>;
  send: (values: V) => Promise<void>;
  /** How a failed request shows; by default its details go to their fields (see `mapApiError`). */
  failed?: (error: unknown) => MappedError<F>;
}

/**
 * A form's values, its messages by field and for the form, and its submission: checks first,
 * then the request; on a failure the messages land on their fields, focus moves to the first
 * field in error, and what was typed stays. The fields' order is the order of `initial`'s keys.
 */
export function useForm<V extends Record<string, unknown>>(initial: V, codeFields: Partial<Record<string, keyof V & string>> = {}) {
  type F = keyof V & string;
  const intl = useIntl();
  const order = Object.keys(initial) as F[];
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const elements = useRef<Partial<Record<F, HTMLElement | null>>>({});
  const refs = useRef(new Map<F, (element: HTMLElement | null) => void>());

  /** Changes a value; the field's message goes, since it spoke of what was there before. */
  const set = <K extends F>(field: K, value: V[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  /** The ref of a field's element (its input, or a group of inputs), for moving focus to it. */
  const refOf = (field: F) => {
    let ref = refs.current.get(field);
    if (!ref) {
      ref = (element) => {
        elements.current[field] = element;
      };
      refs.current.set(field, ref);
    }
    return ref;
  };

  const focusFirst = (found: FieldErrors<F>) => {
    const first = firstInvalid(order, found);
    const element = first ? elements.current[first] : null;
    (element?.matches('input') ? element : element?.querySelector('input'))?.focus();
  };

  /** What a TextField needs to edit a field of the form. */
  const field = (name: TextFields<V>) => ({
    name,
    value: values[name] as string,
    onChange: (value: string) => set(name, value as V[typeof name]),
    error: errors[name],
    inputRef: refOf(name),
  });

  const submit = async (event: FormEvent<HTMLFormElement>, { check, send, failed }: Submission<V, F>) => {
    event.preventDefault();
    if (pending) return;
    const found = check?.(values) ?? {};
    setErrors(found);
    setFormError(null);
    if (firstInvalid(order, found)) {
      focusFirst(found);
      return;
    }
    setPending(true);
    try {
      await send(values);
    } catch (error) {
      const mapped = failed ? failed(error) : mapApiError(intl, error, order, codeFields);
      setErrors(mapped.fields);
      setFormError(mapped.form);
      focusFirst(mapped.fields);
    } finally {
      setPending(false);
    }
  };

  return { values, set, errors, formError, pending, field, refOf, submit };
}
