import type { SaveView } from '../workspace/save-outcome.ts';
import type { SigningStatus } from './signing-status.ts';

/** Where the save stands, as the save bar shows it. */
export type SaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'nothing-to-save' }
  | { readonly kind: 'reloading' }
  | SaveView
  | SigningStatus;
