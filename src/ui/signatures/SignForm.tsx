/**
 * Signing the plan: role, signer, typed name, a drawn signature, an explicit "I agree", and, when the completeness
 * check does not pass, the clinician's reason for signing anyway (issue 4 §4). The drawing pad loads on first use.
 */
import { lazy, Suspense, useState, type ReactElement } from 'react';
import {
  attemptEdit,
  newSignature,
  recordedIncompleteReason,
  signCheckedPlan,
  signingBlockers,
  type PersonRef,
  type SignerRole,
} from '../../plan/index.ts';
import { signerRoleWords } from '../../workspace/outline-words.ts';
import type { PlanEditing } from '../plan-editing.ts';
import { PadBoundary } from './PadBoundary.tsx';
import { defaultSigner, signerNamed, signerRoles, signingTime } from './sign-form.ts';

const SignaturePad = lazy(() => import('./SignaturePad.tsx').then((module) => ({ default: module.SignaturePad })));

export interface SignFormProps {
  readonly editing: PlanEditing;
  /** Whoever is signed in, the clinician's default signer when the plan names no provider. */
  readonly signedIn: PersonRef | undefined;
  readonly now: () => Date;
  /** Called with the signer's name once the signature is in the working plan. */
  readonly onSigned: (name: string) => void;
  readonly onCancel: () => void;
}

export function SignForm({ editing, signedIn, now, onSigned, onCancel }: SignFormProps): ReactElement {
  const { plan, today } = editing;
  const roles = signerRoles(plan, today);
  const [role, setRole] = useState<SignerRole>('clinician');
  const [signerName, setSignerName] = useState<string | undefined>(undefined);
  const [typedName, setTypedName] = useState('');
  const [image, setImage] = useState<string | undefined>(undefined);
  const [agreed, setAgreed] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const blockers = signingBlockers(plan, today);
  const recorded = recordedIncompleteReason(plan);
  const needsReason = blockers.length > 0 && role === 'clinician';
  const waitsForClinician = blockers.length > 0 && role !== 'clinician' && recorded === undefined;
  const signer = signerName ?? defaultSigner(plan, role, signedIn)?.name ?? '';
  const roleWords = signerRoleWords(role).toLowerCase();

  const sign = (): void => {
    const missing = [
      signer.trim() === '' ? 'who signs' : '',
      typedName.trim() === '' ? 'the typed name' : '',
      needsReason && reason.trim() === '' ? 'why the plan is signed incomplete' : '',
      agreed ? '' : 'the “I agree” box',
    ].filter(Boolean);
    if (missing.length > 0) {
      setProblem(`Fill in ${missing.join(', ')} before signing.`);
      return;
    }
    const signature = newSignature(
      {
        role,
        signer: signerNamed(plan, role, signer, signedIn),
        signedAt: signingTime(now()),
        typedName: typedName.trim(),
        ...(image === undefined ? {} : { image }),
        ...(needsReason ? { incompleteReason: reason.trim() } : {}),
      },
      editing.newId
    );
    // Tried on the plan as shown first, so a refusal stays in the form with everything typed.
    const outcome = attemptEdit(() => signCheckedPlan(plan, signature, today));
    if (!outcome.ok) {
      setProblem(outcome.error.message);
      return;
    }
    editing.edit('signatures', (current) => signCheckedPlan(current, signature, today));
    onSigned(signature.signer.name);
  };

  return (
    <form
      className="sign-form item-card"
      aria-labelledby="sign-form-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        sign();
      }}
    >
      <h3 id="sign-form-heading">Sign the plan</h3>
      {blockers.length === 0 ? (
        <p className="check-passed">The completeness check passes.</p>
      ) : (
        <div className="notice sign-gate" role="status">
          <p>
            <strong>
              The plan is not complete:{' '}
              {blockers.length === 1 ? '1 item needs' : `${String(blockers.length)} items need`} attention.
            </strong>{' '}
            {recorded === undefined
              ? 'Complete it first (see the completeness check), or the clinician records why it is signed as it is.'
              : `The clinician signed it as it is: “${recorded}”.`}
          </p>
          <ul>
            {blockers.map((item) => (
              <li key={item.id}>
                {item.question} <span className="muted">{item.why}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="field-grid two">
        <div className="field">
          <label htmlFor="sign-role">Signing as</label>
          <select
            id="sign-role"
            value={role}
            onChange={(event) => {
              setRole(roles.find((r) => r === event.target.value) ?? 'clinician');
              setSignerName(undefined);
              setProblem(undefined);
            }}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {signerRoleWords(r)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sign-signer">Who signs</label>
          <input
            id="sign-signer"
            type="text"
            autoComplete="off"
            value={signer}
            onChange={(event) => {
              setSignerName(event.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="sign-typed-name">Typed name (the signature)</label>
          <input
            id="sign-typed-name"
            type="text"
            autoComplete="off"
            value={typedName}
            onChange={(event) => {
              setTypedName(event.target.value);
            }}
          />
        </div>
      </div>
      {needsReason ? (
        <div className="field">
          <label htmlFor="sign-reason">Why the plan is signed although it is not complete</label>
          <textarea
            id="sign-reason"
            rows={2}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
            }}
          />
        </div>
      ) : null}
      <PadBoundary>
        <Suspense
          fallback={
            <p className="muted" role="status">
              Loading the signature pad…
            </p>
          }
        >
          <SignaturePad
            id="sign-drawing"
            label="Drawn signature"
            hint="Draw with a mouse, pen or finger. Without a drawing, the typed name is the signature."
            disabled={false}
            onChange={setImage}
          />
        </Suspense>
      </PadBoundary>
      <div className="checkbox">
        <input
          id="sign-agree"
          type="checkbox"
          checked={agreed}
          onChange={(event) => {
            setAgreed(event.target.checked);
          }}
        />
        <label htmlFor="sign-agree">
          I agree: {signer.trim() === '' ? 'the signer' : signer} has read this treatment plan and signs it as the{' '}
          {roleWords}.
        </label>
      </div>
      {waitsForClinician ? (
        <p className="field-error" id="sign-waits">
          The clinician signs first and records why the plan is signed as it is.
        </p>
      ) : null}
      {problem === undefined ? null : (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button
          type="submit"
          disabled={waitsForClinician}
          {...(waitsForClinician ? { 'aria-describedby': 'sign-waits' } : {})}
        >
          Sign
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
