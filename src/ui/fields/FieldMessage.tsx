import type { ReactElement } from 'react';

export interface FieldMessageProps {
  readonly id: string;
  readonly message: string | undefined;
}

/** The error next to a field; the control points at it with `aria-describedby`. */
export function FieldMessage({ id, message }: FieldMessageProps): ReactElement | null {
  if (message === undefined) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}
