import type { ReactNode } from 'react';
import { CheckboxButton, CheckboxField } from 'react-aria-components';

interface CheckboxProps {
  children: ReactNode;
  /** Inside a CheckboxGroup: the value this box stands for. */
  value?: string;
  /** Standalone: controlled state. */
  isSelected?: boolean;
  onChange?: (selected: boolean) => void;
  className?: string;
  isDisabled?: boolean;
  /** Extra accessible description (e.g. an id of a hint). */
  'aria-describedby'?: string;
}

/** A labelled checkbox (React Aria): the box is drawn here, the real input stays for assistive technology. */
export function Checkbox({ children, value, isSelected, onChange, className, isDisabled, 'aria-describedby': describedBy }: CheckboxProps) {
  return (
    <CheckboxField className={['checkbox-field', className].filter(Boolean).join(' ')} value={value} isSelected={isSelected} onChange={onChange} isDisabled={isDisabled} aria-describedby={describedBy}>
      <CheckboxButton className="checkbox">
        <span className="checkbox-box" aria-hidden="true">
          <svg viewBox="0 0 14 14" focusable="false">
            <path d="M3 7.5 5.8 10 11 4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </span>
        <span className="checkbox-label">{children}</span>
      </CheckboxButton>
    </CheckboxField>
  );
}
