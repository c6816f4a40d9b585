import type { FocusEvent, Ref } from 'react';
import { FieldError, Input, Label, Text, TextField as AriaTextField } from 'react-aria-components';

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'search' | 'tel' | 'url' | 'datetime-local' | 'date';
  autoComplete?: string;
  isRequired?: boolean;
  autoFocus?: boolean;
  /** The error to show under the field (announced; marks the field invalid). */
  error?: string | null;
  description?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** The input's id (for links that move focus to it). */
  id?: string;
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
  placeholder?: string;
  isReadOnly?: boolean;
  inputMode?: 'text' | 'email' | 'tel' | 'url' | 'numeric' | 'decimal' | 'search';
  className?: string;
  /** Show the label only to assistive technology. */
  hideLabel?: boolean;
  /** Characters the input is sized for (the `size` attribute), for short values such as times. */
  size?: number;
  /** The input's direction, e.g. `ltr` for URLs inside a right-to-left page. */
  dir?: 'ltr' | 'rtl' | 'auto';
}

/** A field's hint and its error, both tied to the field's input by React Aria (the error is announced). */
export function FieldNotes({ description, error }: { description?: string; error?: string | null }) {
  return (
    <>
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field-error">{error}</FieldError>
    </>
  );
}

/** A labelled text input with its error beside it (React Aria TextField). */
export function TextField({
  label,
  name,
  value,
  onChange,
  type = 'text',
  autoComplete,
  isRequired,
  autoFocus,
  error,
  description,
  inputRef,
  id,
  onBlur,
  placeholder,
  isReadOnly,
  inputMode,
  className,
  hideLabel,
  size,
  dir,
}: TextFieldProps) {
  return (
    <AriaTextField
      className={['text-field', className].filter(Boolean).join(' ')}
      id={id}
      name={name}
      type={type}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      autoComplete={autoComplete}
      isRequired={isRequired}
      autoFocus={autoFocus}
      isReadOnly={isReadOnly}
      inputMode={inputMode}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <Label className={hideLabel ? 'visually-hidden' : 'field-label'}>{label}</Label>
      <Input className="field-input" ref={inputRef} placeholder={placeholder} size={size} dir={dir} />
      <FieldNotes description={description} error={error} />
    </AriaTextField>
  );
}
