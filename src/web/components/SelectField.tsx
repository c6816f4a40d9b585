import type { Key } from 'react-aria-components';
import { Button, FieldError, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';

export interface SelectOption {
  id: string;
  label: string;
}

interface SelectFieldProps {
  /** The accessible (and visible) name, e.g. "Environment". */
  label: string;
  options: readonly SelectOption[];
  value: string | null;
  onChange: (value: string) => void;
  placeholder?: string;
  className?: string;
  /** Show the label only to assistive technology. */
  hideLabel?: boolean;
  /** `inline` (label beside, for toolbars and the header) or `stacked` (label above, for forms). */
  layout?: 'inline' | 'stacked';
  /** The error to show under the field (announced; marks the field invalid). */
  error?: string | null;
  name?: string;
}

/** The downward arrow of a picker's button. */
export function Chevron() {
  return (
    <svg className="select-chevron" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** A labelled single-choice picker (React Aria Select: button + listbox popover). */
export function SelectField({ label, options, value, onChange, placeholder, className, hideLabel, layout = 'inline', error, name }: SelectFieldProps) {
  const stacked = layout === 'stacked';
  return (
    <Select<SelectOption>
      className={['select-field', stacked ? 'select-field-stacked' : null, className].filter(Boolean).join(' ')}
      value={value}
      placeholder={placeholder}
      name={name}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      onChange={(key: Key | null) => {
        if (key !== null) onChange(String(key));
      }}
    >
      <Label className={hideLabel ? 'visually-hidden' : stacked ? 'field-label' : 'select-label'}>{label}</Label>
      <Button className="select-trigger">
        <SelectValue className="select-value" />
        <Chevron />
      </Button>
      {stacked ? <FieldError className="field-error">{error}</FieldError> : null}
      <Popover className="select-popover" placement="bottom end">
        <ListBox className="select-listbox" items={options}>
          {(option) => (
            <ListBoxItem className="select-option" id={option.id} textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
