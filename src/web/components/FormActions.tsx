import type { ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { classNames } from './classNames';
import { ErrorAlert } from './Feedback';

/**
 * A form's primary button, marked busy while its request runs. Not React Aria's isPending: a
 * form often goes away on success, and its pending announcement would then point at a vanished
 * button (axe: role-img-alt).
 */
export function SubmitButton({ pending, className, children }: { pending: boolean; className?: string; children: ReactNode }) {
  return (
    <Button type="submit" className={classNames('button button-primary', className, pending && 'is-busy')}>
      {children}
    </Button>
  );
}

interface FormActionsProps {
  /** The form's own message (what belongs to no field), announced. */
  error: string | null;
  pending: boolean;
  submitLabel: string;
  /** Of the buttons' row (`dialog-actions`); unset: Submit alone, as wide as the form. */
  className?: string;
  /** Buttons before Submit (Cancel). */
  children?: ReactNode;
}

/** How a form ends: its error above its buttons. */
export function FormActions({ error, pending, submitLabel, className, children }: FormActionsProps) {
  const submit = (
    <SubmitButton pending={pending} className={className ? undefined : 'button-block'}>
      {submitLabel}
    </SubmitButton>
  );
  return (
    <>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {className ? (
        <div className={className}>
          {children}
          {submit}
        </div>
      ) : (
        submit
      )}
    </>
  );
}
