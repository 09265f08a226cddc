import { describe, expect, it } from 'vitest';
import type { ApprovalStep } from '@xiaoban/shared';
import {
  blankStep,
  chainErrorsFromApi,
  chainFingerprint,
  formPropOfApiError,
  formToStep,
  moveStep,
  parseConditionValue,
  removeStep,
  stepToForm,
} from './chainSteps';

const GENERAL_REQUEST: ApprovalStep[] = [
  { name: '部门负责人审核', approvers: { type: 'department-head' }, mode: 'any', timeLimitHours: 48, condition: null },
  { name: '校领导审批', approvers: { type: 'role', role: 'school-leader' }, mode: 'any', timeLimitHours: 72, condition: null },
];

describe('approval chain editing', () => {
  it('PLT-2 turns steps into forms and back unchanged', () => {
    const steps: ApprovalStep[] = [
      ...GENERAL_REQUEST,
      {
        name: '办公室会签',
        approvers: { type: 'users', userIds: ['3f1c0000-0000-4000-8000-000000000001', '3f1c0000-0000-4000-8000-000000000002'] },
        mode: 'all',
        condition: { field: 'amount', op: 'gte', value: 5000 },
        timeLimitHours: null,
      },
      {
        name: '上级部门负责人',
        approvers: { type: 'parent-department-head' },
        mode: 'any',
        condition: { field: 'sealType', op: 'in', value: ['official', 'legal'] },
        timeLimitHours: null,
      },
      {
        name: '涉密审核',
        approvers: { type: 'role', role: 'office-director' },
        mode: 'any',
        condition: { field: 'classified', op: 'eq', value: true },
        timeLimitHours: 24,
      },
    ];
    expect(steps.map(stepToForm).map(formToStep)).toEqual(steps);
  });

  it('PLT-2 keeps only the approver fields of the chosen type', () => {
    const form = stepToForm(GENERAL_REQUEST[1]!);
    form.approverType = 'department-head';
    expect(formToStep(form).approvers).toEqual({ type: 'department-head' });
    form.approverType = 'users';
    form.userIds = ['u1'];
    expect(formToStep(form).approvers).toEqual({ type: 'users', userIds: ['u1'] });
  });

  it('PLT-2 types a condition value as chosen, and takes a list for "is one of"', () => {
    expect(parseConditionValue('eq', 'string', ' official ')).toEqual({ ok: true, value: 'official' });
    expect(parseConditionValue('eq', 'number', '3')).toEqual({ ok: true, value: 3 });
    expect(parseConditionValue('ne', 'boolean', 'false')).toEqual({ ok: true, value: false });
    expect(parseConditionValue('in', 'string', 'official, legal\uff0cfinance')).toEqual({
      ok: true,
      value: ['official', 'legal', 'finance'],
    });
    expect(parseConditionValue('in', 'number', '1,2, 3')).toEqual({ ok: true, value: [1, 2, 3] });
  });

  it('PLT-2 compares order with numbers only, and refuses values that do not parse', () => {
    expect(parseConditionValue('gt', 'string', '5000')).toEqual({ ok: true, value: 5000 });
    expect(parseConditionValue('lte', 'string', 'many')).toEqual({ ok: false });
    expect(parseConditionValue('eq', 'number', '')).toEqual({ ok: false });
    expect(parseConditionValue('eq', 'boolean', 'yes')).toEqual({ ok: false });
    expect(parseConditionValue('in', 'number', '1, two')).toEqual({ ok: false });
    expect(parseConditionValue('in', 'boolean', 'true')).toEqual({ ok: false });
    expect(parseConditionValue('eq', 'string', '   ')).toEqual({ ok: false });
  });

  it('PLT-2 drops a switched-off condition and a cleared time limit', () => {
    const form = stepToForm({ ...GENERAL_REQUEST[0]!, condition: { field: 'amount', op: 'gt', value: 1 } });
    form.conditionEnabled = false;
    form.timeLimitHours = null;
    expect(formToStep(form)).toMatchObject({ condition: null, timeLimitHours: null });
  });

  it('PLT-2 reorders, adds and removes steps', () => {
    const [a, b] = GENERAL_REQUEST.map(stepToForm);
    expect(moveStep([a, b], 1, -1).map((step) => step!.name)).toEqual(['校领导审批', '部门负责人审核']);
    expect(moveStep([a, b], 0, -1).map((step) => step!.name)).toEqual(['部门负责人审核', '校领导审批']);
    expect(moveStep([a, b], 1, 1).map((step) => step!.name)).toEqual(['部门负责人审核', '校领导审批']);
    expect(removeStep([a, b], 0).map((step) => step!.name)).toEqual(['校领导审批']);
    const added = [a, b, blankStep()];
    expect(new Set(added.map((step) => step!.key)).size).toBe(3);
  });

  it('PLT-2 tells unsaved changes by what would be saved, not by editor identity', () => {
    const saved = chainFingerprint(GENERAL_REQUEST.map(stepToForm));
    expect(chainFingerprint(GENERAL_REQUEST.map(stepToForm))).toBe(saved);
    const edited = GENERAL_REQUEST.map(stepToForm);
    edited[0]!.mode = 'all';
    expect(chainFingerprint(edited)).not.toBe(saved);
    expect(chainFingerprint(moveStep(GENERAL_REQUEST.map(stepToForm), 0, 1))).not.toBe(saved);
  });

  it('PLT-2 puts the API errors of a step on the field they belong to', () => {
    expect(formPropOfApiError('steps[1].approvers.role')).toBe('steps.1.role');
    expect(formPropOfApiError('steps.0.approvers.userIds')).toBe('steps.0.userIds');
    expect(formPropOfApiError('steps[2].approvers.userIds[3]')).toBe('steps.2.userIds');
    expect(formPropOfApiError('steps.0.name')).toBe('steps.0.name');
    expect(formPropOfApiError('steps.0.condition.value')).toBe('steps.0.conditionValue');
    expect(formPropOfApiError('steps')).toBeNull();
    expect(formPropOfApiError('version')).toBeNull();
    expect(
      chainErrorsFromApi({
        'steps[0].approvers.role': ['role does not exist'],
        steps: ['steps must contain at least 1 elements'],
      }),
    ).toEqual({ fields: { 'steps.0.role': 'role does not exist' }, rest: ['steps must contain at least 1 elements'] });
  });
});
