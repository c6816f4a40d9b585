import type { Ref } from 'react';
import { FieldError, Input, Label, Text, TextField as AriaTextField } from 'react-aria-components';

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'search' | 'tel' | 'url';
  autoComplete?: string;
  isRequired?: boolean;
  autoFocus?: boolean;
  /** The error to show under the field (announced; marks the field invalid). */
  error?: string | null;
  description?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled text input with its error beside it (React Aria TextField). */
export function TextField({ label, name, value, onChange, type = 'text', autoComplete, isRequired, autoFocus, error, description, inputRef }: TextFieldProps) {
  return (
    <AriaTextField
      className="text-field"
      name={name}
      type={type}
      value={value}
      onChange={onChange}
      autoComplete={autoComplete}
      isRequired={isRequired}
      autoFocus={autoFocus}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <Label className="field-label">{label}</Label>
      <Input className="field-input" ref={inputRef} />
      {description ? (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      ) : null}
      <FieldError className="field-error">{error}</FieldError>
    </AriaTextField>
  );
}
