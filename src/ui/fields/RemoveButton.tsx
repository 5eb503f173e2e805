import type { ReactElement } from 'react';

export interface RemoveButtonProps {
  /** What is removed, for screen readers: the button reads "Remove <what>". */
  readonly what: string;
  readonly disabled: boolean;
  readonly onRemove: () => void;
  /** The id of the field message that explains a refused removal, when the item has one. */
  readonly describedBy?: string;
}

/** The quiet "Remove" button of an item in a list, named after the item for screen readers. */
export function RemoveButton({ what, disabled, onRemove, describedBy }: RemoveButtonProps): ReactElement {
  return (
    <button
      type="button"
      className="button-quiet"
      disabled={disabled}
      {...(describedBy === undefined ? {} : { 'aria-describedby': describedBy })}
      onClick={onRemove}
    >
      Remove<span className="visually-hidden"> {what}</span>
    </button>
  );
}
