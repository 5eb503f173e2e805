import { describe, expect, test } from 'vitest';
import * as plan from '../../src/plan/index.ts';
import type { Signature, SignerRole, TreatmentPlan } from '../../src/plan/index.ts';
import { refusal, violations } from './plan-assertions.ts';
import { samplePlan, TODAY } from './plan-fixtures.ts';

const ids = plan.sequentialIds('sig');

function signature(role: SignerRole, extra: Partial<Signature> = {}): Signature {
  const signer =
    role === 'client'
      ? { reference: 'Patient/george', name: 'George Smith' }
      : role === 'clinician'
        ? { reference: 'Practitioner/dana', name: 'Dana Rivera' }
        : { name: role === 'guardian' ? 'Ana Smith' : 'Pat Kim' };
  return { ...plan.newSignature({ role, signer, signedAt: '2026-03-02T10:52:00-05:00' }, ids), ...extra };
}

const noConsent = (p: TreatmentPlan): TreatmentPlan => ({
  ...p,
  contract: { goalsForChange: p.contract.goalsForChange, responsibilities: p.contract.responsibilities },
});

/** The sample plan with no presenting concern: the completeness check fails on "concerns defined". */
function incompletePlan(): TreatmentPlan {
  return { ...samplePlan(), presentingConcerns: [] };
}

describe('signing after the completeness check', () => {
  test('a complete plan is signed without a reason, and mutual agreement does not stand in the way', () => {
    const unsignedNoConsent = noConsent(samplePlan());
    const failing = plan.checkCompleteness(unsignedNoConsent, TODAY).filter((i) => !i.passed);
    expect(failing.map((i) => i.id)).toEqual(['mutual-agreement']);
    expect(plan.signingBlockers(unsignedNoConsent, TODAY)).toEqual([]);

    const signed = plan.signCheckedPlan(unsignedNoConsent, signature('clinician'), TODAY);
    expect(signed.signatures.map((s) => s.role)).toEqual(['clinician']);
    expect(plan.isLocked(signed)).toBe(true);
  });

  test('a reason given for a complete plan is dropped: there is nothing to explain', () => {
    const signed = plan.signCheckedPlan(samplePlan(), signature('clinician', { incompleteReason: 'No time' }), TODAY);
    expect(signed.signatures[0]).not.toHaveProperty('incompleteReason');
  });

  test('an incomplete plan is refused without the clinician’s reason, naming the fields that fix it', () => {
    const error = refusal(() => plan.signCheckedPlan(incompletePlan(), signature('clinician'), TODAY), 'not-allowed');
    expect(error.message).toMatch(/not complete \(1 item of the completeness check fails\).*record why/);
    expect(error.path).toBe('signatures');
    expect(error.related).toEqual(['presentingConcerns']);
  });

  test('a blank reason is no reason', () => {
    const blank = signature('clinician', { incompleteReason: '   ' });
    refusal(() => plan.signCheckedPlan(incompletePlan(), blank, TODAY), 'not-allowed');
  });

  test('with the clinician’s reason the incomplete plan is signed, the reason kept trimmed with the signature', () => {
    const reason = '  Crisis plan first; concerns are written up at the next session. ';
    const signed = plan.signCheckedPlan(incompletePlan(), signature('clinician', { incompleteReason: reason }), TODAY);
    expect(signed.signatures[0]?.incompleteReason).toBe(reason.trim());
    expect(plan.recordedIncompleteReason(signed)).toBe(reason.trim());
  });

  test('the client signs the incomplete plan after the clinician recorded why, not before', () => {
    const first = refusal(() => plan.signCheckedPlan(incompletePlan(), signature('client'), TODAY), 'not-allowed');
    expect(first.message).toMatch(/clinician signs first/);

    const clinician = signature('clinician', { incompleteReason: 'Concerns follow next week.' });
    const both = plan.signCheckedPlan(
      plan.signCheckedPlan(incompletePlan(), clinician, TODAY),
      signature('client'),
      TODAY
    );
    expect(both.signatures.map((s) => [s.role, s.incompleteReason])).toEqual([
      ['clinician', 'Concerns follow next week.'],
      ['client', undefined],
    ]);
  });

  test('only the clinician records why: a client’s reason is refused', () => {
    const error = refusal(
      () => plan.signCheckedPlan(samplePlan(), signature('client', { incompleteReason: 'Because' }), TODAY),
      'not-allowed'
    );
    expect(error.message).toMatch(/Only the clinician/);
  });

  test('a closed plan takes no signature, whatever the check says', () => {
    refusal(
      () => plan.signCheckedPlan({ ...samplePlan(), status: 'completed' }, signature('clinician'), TODAY),
      'plan-closed'
    );
  });
});

describe('withdrawing a signature not yet saved', () => {
  test('takes it back and, when it was the only one, unlocks the plan for editing', () => {
    const mine = signature('clinician', { incompleteReason: 'Concerns follow.' });
    const signed = plan.signCheckedPlan(incompletePlan(), mine, TODAY);
    refusal(() => plan.addGoalForChange(signed, 'Sleep'), 'plan-locked');

    const withdrawn = plan.withdrawSignature(signed, mine.id);
    expect(withdrawn.signatures).toEqual([]);
    expect(plan.isLocked(withdrawn)).toBe(false);
    expect(plan.addGoalForChange(withdrawn, 'Sleep').contract.goalsForChange).toContain('Sleep');
  });

  test('is refused once the signature is pinned to a saved version', () => {
    const signed = plan.signCheckedPlan(samplePlan(), signature('clinician', { planVersion: '7' }), TODAY);
    const id = signed.signatures[0]?.id ?? '';
    expect(refusal(() => plan.withdrawSignature(signed, id), 'has-history').path).toBe('signatures[0]');
  });
});

describe('the rules on the reason', () => {
  test('a reason on anyone’s signature but the clinician’s breaks a rule', () => {
    const p = { ...samplePlan(), signatures: [signature('clinician'), signature('client', { incompleteReason: 'x' })] };
    expect(violations(p, 'incomplete-reason-signer')).toEqual([
      {
        path: 'signatures[1].incompleteReason',
        severity: 'error',
        message: 'Only the clinician records why an incomplete plan is signed.',
      },
    ]);
  });

  test('a blank reason breaks the blank-text rule', () => {
    const p = { ...samplePlan(), signatures: [signature('clinician', { incompleteReason: ' ' })] };
    expect(violations(p, 'blank-text').map((v) => v.path)).toEqual(['signatures[0].incompleteReason']);
  });
});

describe('the signed copy on the consent to treatment', () => {
  const pdf = { contentType: 'application/pdf', title: 'Signed plan', data: 'JVBERi0xLjQ=' };
  test('without a consent, the client’s signature makes one: active, a permit, dated and given by the signer', () => {
    const client = signature('client', { signedAt: '2026-03-02T10:53:00-05:00' });
    const signed = plan.signPlan(plan.signPlan(noConsent(samplePlan()), signature('clinician')), client);
    const filed = plan.fileSignedCopy(signed, pdf, 'consent-new');
    expect(filed.contract.consent).toEqual({
      id: 'consent-new',
      status: 'active',
      dateTime: '2026-03-02T10:53:00-05:00',
      decision: 'permit',
      grantor: { reference: 'Patient/george', name: 'George Smith' },
      start: '2026-03-02',
      modalities: [],
      document: pdf,
    });
  });

  test('a guardian’s signature gives the consent for a minor', () => {
    const guardian = signature('guardian');
    const filed = plan.fileSignedCopy(plan.signPlan(noConsent(samplePlan()), guardian), pdf, 'consent-new');
    expect(filed.contract.consent?.grantor).toEqual({ name: 'Ana Smith' });
  });

  test('a consent in draft becomes active with the copy; a refused one keeps its status and gets the copy', () => {
    const withDraft: TreatmentPlan = {
      ...samplePlan(),
      contract: { ...samplePlan().contract, consent: plan.newConsent({ start: TODAY }, () => 'c-1') },
      signatures: [signature('client', { signedAt: '2026-03-02T10:53:00-05:00' })],
    };
    expect(withDraft.contract.consent?.status).toBe('draft');
    const filed = plan.fileSignedCopy(withDraft, pdf, 'unused');
    expect(filed.contract.consent).toMatchObject({
      id: 'c-1',
      status: 'active',
      dateTime: '2026-03-02T10:53:00-05:00',
      document: pdf,
    });

    const refused: TreatmentPlan = {
      ...withDraft,
      contract: { ...withDraft.contract, consent: plan.newConsent({ status: 'rejected' }, () => 'c-2') },
    };
    expect(plan.fileSignedCopy(refused, pdf, 'unused').contract.consent).toMatchObject({
      status: 'rejected',
      document: pdf,
    });
  });

  test('with neither a consent nor a client’s signature there is nowhere to keep it: the plan is unchanged', () => {
    const clinicianOnly = plan.signPlan(noConsent(samplePlan()), signature('clinician'));
    expect(plan.takesSignedCopy(clinicianOnly)).toBe(false);
    expect(plan.fileSignedCopy(clinicianOnly, pdf, 'consent-new')).toBe(clinicianOnly);
  });
});
