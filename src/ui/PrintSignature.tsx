import type { ReactElement } from 'react';
import type { SignatureLine } from '../workspace/plan-outline.ts';

/**
 * A signature as given (drawn image, signer, typed name, time, plan version, and why it was signed although
 * incomplete), or empty lines to sign on paper.
 */
export function PrintSignature({ line }: { readonly line: SignatureLine }): ReactElement {
  const { signed } = line;
  return (
    <div className="print-signature">
      <h3>{line.role}</h3>
      {signed === undefined ? (
        <div className="print-sign-lines">
          <p className="print-sign-line wide">Signature</p>
          <p className="print-sign-line wide">Name</p>
          <p className="print-sign-line">Date and time</p>
        </div>
      ) : (
        <>
          {signed.image === undefined ? null : (
            <img
              className="print-signature-image"
              src={`data:image/png;base64,${signed.image}`}
              alt={`Drawn signature of ${signed.signer}`}
            />
          )}
          <dl className="print-rows">
            <div>
              <dt>Signed by</dt>
              <dd>{signed.signer}</dd>
            </div>
            <div>
              <dt>Typed name</dt>
              <dd>{signed.typedName}</dd>
            </div>
            <div>
              <dt>Signed at</dt>
              <dd>{signed.signedAt}</dd>
            </div>
            <div>
              <dt>Plan version signed</dt>
              <dd>{signed.planVersion ?? 'Not recorded'}</dd>
            </div>
            {signed.incompleteReason === undefined ? null : (
              <div>
                <dt>Signed although incomplete, because</dt>
                <dd>{signed.incompleteReason}</dd>
              </div>
            )}
          </dl>
        </>
      )}
    </div>
  );
}
