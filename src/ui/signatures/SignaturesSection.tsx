/**
 * The Signatures section (issue 4 §4): who signed, in which role, when, which saved version of the plan, the typed
 * name and the drawing; a signature not saved yet can be withdrawn; the sign form opens on demand, so its drawing
 * pad loads only when first used. Signing is record keeping: it goes on after the first signature locks the plan.
 */
import { useState, type ReactElement } from 'react';
import { withdrawSignature, type PersonRef, type Signature } from '../../plan/index.ts';
import { readableDateTime } from '../../workspace/clock.ts';
import { signerRoleWords } from '../../workspace/outline-words.ts';
import type { PlanEditing } from '../plan-editing.ts';
import { SignForm } from './SignForm.tsx';
import './signatures.css';

export interface SignaturesSectionProps {
  readonly editing: PlanEditing;
  /** Whoever is signed in: the clinician's default signer when the plan names no provider. */
  readonly signedIn?: PersonRef | undefined;
  readonly now?: () => Date;
}

const systemClock = (): Date => new Date();

function versionWords(signature: Signature, saved: boolean): string {
  if (signature.planVersion !== undefined) return `version ${signature.planVersion} of the plan`;
  return saved ? 'the plan (version not recorded)' : 'not saved yet: saving pins it to the saved version';
}

export function SignaturesSection({ editing, signedIn, now = systemClock }: SignaturesSectionProps): ReactElement {
  const [open, setOpen] = useState(false);
  const [signedBy, setSignedBy] = useState<string | undefined>(undefined);
  const { plan } = editing;
  return (
    <>
      {plan.signatures.length === 0 ? (
        <p className="muted">Nobody has signed this plan yet. The first signature locks its content.</p>
      ) : (
        <ul className="plain-list signature-list">
          {plan.signatures.map((signature, index) => {
            const path = `signatures[${String(index)}]`;
            const saved = editing.saved.has(signature.id);
            const withdrawable = editing.canRecord && !saved && signature.planVersion === undefined;
            const message = editing.messageAt(path);
            return (
              <li key={signature.id} className="item-card signature-card">
                <p className="item-title">
                  {signerRoleWords(signature.role)}: {signature.signer.name}
                </p>
                <dl className="facts">
                  <dt>Typed name</dt>
                  <dd>{signature.typedName}</dd>
                  <dt>Signed</dt>
                  <dd>{readableDateTime(signature.signedAt)}</dd>
                  <dt>Signed version</dt>
                  <dd>{versionWords(signature, saved)}</dd>
                  {signature.incompleteReason === undefined ? null : (
                    <>
                      <dt>Signed although incomplete, because</dt>
                      <dd>{signature.incompleteReason}</dd>
                    </>
                  )}
                </dl>
                {signature.image === undefined ? null : (
                  <img
                    className="signature-image"
                    src={`data:image/png;base64,${signature.image}`}
                    alt={`Drawn signature of ${signature.signer.name}`}
                  />
                )}
                {withdrawable ? (
                  <button
                    type="button"
                    className="button-quiet"
                    onClick={() => {
                      editing.edit(path, (current) => withdrawSignature(current, signature.id));
                      setSignedBy(undefined);
                    }}
                  >
                    Withdraw<span className="visually-hidden"> the signature of {signature.signer.name}</span>
                  </button>
                ) : null}
                {message === undefined ? null : <p className="field-error">{message}</p>}
              </li>
            );
          })}
        </ul>
      )}
      {signedBy === undefined ? null : (
        <p className="save-note" role="status">
          Signed by {signedBy}. Save the plan to keep the signature in the client’s record.
        </p>
      )}
      {open ? (
        <SignForm
          editing={editing}
          signedIn={signedIn}
          now={now}
          onSigned={(name) => {
            setSignedBy(name);
            setOpen(false);
          }}
          onCancel={() => {
            setOpen(false);
          }}
        />
      ) : (
        <p>
          <button
            type="button"
            disabled={!editing.canRecord}
            onClick={() => {
              setOpen(true);
              setSignedBy(undefined);
            }}
          >
            Sign the plan
          </button>
          {editing.canRecord ? null : <span className="muted"> Signatures cannot be recorded here.</span>}
        </p>
      )}
    </>
  );
}
