import type { SaveView } from '../workspace/save-outcome.ts';
import type { SigningStep } from '../workspace/sign-plan.ts';

/** Where a save with new signatures stands (src/workspace/sign-plan.ts), as the save bar shows it. */
export type SigningStatus =
  | { readonly kind: 'signing'; readonly step: SigningStep }
  | {
      readonly kind: 'signed';
      readonly contentSaved: boolean;
      readonly version: string | undefined;
      readonly signatures: number;
      readonly withCopy: boolean;
    }
  | {
      readonly kind: 'signatures-not-saved';
      readonly contentSaved: boolean;
      /** What went wrong, in a sentence. */
      readonly message: string;
      /** The server's answer to the signatures' transaction, when it gave one. */
      readonly view?: SaveView;
    };
