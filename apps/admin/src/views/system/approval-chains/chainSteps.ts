/**
 * Editing an approval chain (PLT-2) in a form: each step flattened into fields the form can bind
 * to, and turned back into the API's shape on saving. Pure, so the editor's rules are tested here.
 */
import { CONDITION_OPERATORS, type ApprovalStep, type ApproverRule, type ConditionOperator, type StepCondition } from '@xiaoban/shared';

export const APPROVER_TYPES: readonly ApproverRule['type'][] = ['role', 'department-head', 'parent-department-head', 'users'];
export const VALUE_TYPES = ['string', 'number', 'boolean'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];
/** Comparisons that only make sense for numbers. */
export const NUMERIC_OPERATORS: readonly ConditionOperator[] = ['gt', 'gte', 'lt', 'lte'];
/** The API's bounds for a step's time limit (hours; 2160 = 90 days). */
export const TIME_LIMIT_MIN = 1;
export const TIME_LIMIT_MAX = 2160;
export const STEP_NAME_MAX = 50;
export const STEPS_MAX = 20;
export const STEP_USERS_MAX = 20;

export interface StepForm {
  /** Identity in the editor only (v-for while steps move); never sent. */
  key: number;
  name: string;
  approverType: ApproverRule['type'];
  /** Role code, for `role`. */
  role: string;
  /** People, for `users`. */
  userIds: string[];
  mode: 'any' | 'all';
  conditionEnabled: boolean;
  conditionField: string;
  conditionOp: ConditionOperator;
  valueType: ValueType;
  /** As typed; `in` takes several values separated by commas. */
  conditionValue: string;
  timeLimitHours: number | null;
}

let nextKey = 1;

export function blankStep(): StepForm {
  return {
    key: nextKey++,
    name: '',
    approverType: 'role',
    role: '',
    userIds: [],
    mode: 'any',
    conditionEnabled: false,
    conditionField: '',
    conditionOp: 'eq',
    valueType: 'string',
    conditionValue: '',
    timeLimitHours: null,
  };
}

function valueTypeOf(value: unknown): ValueType {
  const sample = Array.isArray(value) ? value[0] : value;
  if (typeof sample === 'number') return 'number';
  if (typeof sample === 'boolean') return 'boolean';
  return 'string';
}

export function stepToForm(step: ApprovalStep): StepForm {
  const form = blankStep();
  form.name = step.name;
  form.approverType = step.approvers.type;
  if (step.approvers.type === 'role') form.role = step.approvers.role;
  if (step.approvers.type === 'users') form.userIds = [...step.approvers.userIds];
  form.mode = step.mode;
  form.timeLimitHours = step.timeLimitHours ?? null;
  const condition = step.condition;
  if (condition) {
    form.conditionEnabled = true;
    form.conditionField = condition.field;
    form.conditionOp = (CONDITION_OPERATORS as readonly string[]).includes(condition.op) ? condition.op : 'eq';
    form.valueType = valueTypeOf(condition.value);
    form.conditionValue = Array.isArray(condition.value) ? condition.value.join(', ') : String(condition.value);
  }
  return form;
}

/** Commas, ideographic commas and enumeration commas all separate the values of `in`. */
const LIST_SEPARATOR = /[,\uff0c\u3001]/;

function parseOne(raw: string, type: ValueType): { ok: true; value: string | number | boolean } | { ok: false } {
  const text = raw.trim();
  if (type === 'number') {
    const number = Number(text);
    return text !== '' && Number.isFinite(number) ? { ok: true, value: number } : { ok: false };
  }
  if (type === 'boolean') {
    if (text === 'true') return { ok: true, value: true };
    if (text === 'false') return { ok: true, value: false };
    return { ok: false };
  }
  return text !== '' ? { ok: true, value: text } : { ok: false };
}

/** The value a condition compares with, typed as chosen; `in` takes a list; gt/gte/lt/lte numbers only. */
export function parseConditionValue(
  op: ConditionOperator,
  type: ValueType,
  raw: string,
): { ok: true; value: StepCondition['value'] } | { ok: false } {
  const valueType = NUMERIC_OPERATORS.includes(op) ? 'number' : type;
  if (op === 'in') {
    if (valueType === 'boolean') return { ok: false };
    const items = raw
      .split(LIST_SEPARATOR)
      .map((item) => item.trim())
      .filter((item) => item !== '');
    const parsed = items.map((item) => parseOne(item, valueType));
    if (parsed.length === 0 || parsed.some((item) => !item.ok)) return { ok: false };
    return { ok: true, value: parsed.map((item) => (item as { value: string | number }).value) };
  }
  return parseOne(raw, valueType);
}

/** The step to save. Assumes the form passed its rules; a value that does not parse drops the condition. */
export function formToStep(form: StepForm): ApprovalStep {
  let approvers: ApproverRule;
  switch (form.approverType) {
    case 'role':
      approvers = { type: 'role', role: form.role };
      break;
    case 'users':
      approvers = { type: 'users', userIds: [...form.userIds] };
      break;
    default:
      approvers = { type: form.approverType };
  }
  const step: ApprovalStep = { name: form.name.trim(), approvers, mode: form.mode, timeLimitHours: form.timeLimitHours ?? null };
  if (form.conditionEnabled) {
    const parsed = parseConditionValue(form.conditionOp, form.valueType, form.conditionValue);
    step.condition = parsed.ok ? { field: form.conditionField.trim(), op: form.conditionOp, value: parsed.value } : null;
  } else {
    step.condition = null;
  }
  return step;
}

/** The steps with one moved up (-1) or down (+1); out of range leaves them as they are. */
export function moveStep<T>(steps: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const moved = [...steps];
  if (index < 0 || index >= steps.length || target < 0 || target >= steps.length) return moved;
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}

export function removeStep<T>(steps: readonly T[], index: number): T[] {
  return steps.filter((_, position) => position !== index);
}

/** What the chain would save, for telling whether the editor has unsaved changes. */
export function chainFingerprint(steps: readonly StepForm[]): string {
  return JSON.stringify(steps.map(formToStep));
}

/** Which form field a server error of the API's step shape belongs to. */
const API_FIELD_TO_FORM: Record<string, string> = {
  name: 'name',
  mode: 'mode',
  timeLimitHours: 'timeLimitHours',
  approvers: 'approverType',
  'approvers.type': 'approverType',
  'approvers.role': 'role',
  'approvers.userIds': 'userIds',
  condition: 'conditionField',
  'condition.field': 'conditionField',
  'condition.op': 'conditionOp',
  'condition.value': 'conditionValue',
};

/**
 * The form prop (`steps.1.role`) of a server error key such as `steps[1].approvers.role` or
 * `steps.1.approvers.userIds.0`; null for errors of the chain as a whole.
 */
export function formPropOfApiError(key: string): string | null {
  const match = /^steps(?:\[(\d+)\]|\.(\d+))\.?(.*)$/.exec(key);
  if (!match) return null;
  const index = match[1] ?? match[2];
  const rest = (match[3] ?? '').replace(/\[(\d+)\]/g, '.$1');
  // Drop trailing list positions (userIds.0): the error belongs to the list field.
  const path = rest.replace(/(\.\d+)+$/, '');
  const field = API_FIELD_TO_FORM[path];
  return field ? `steps.${index}.${field}` : null;
}

/** Splits the API's field errors into those the step form shows and those told in a toast. */
export function chainErrorsFromApi(errors: Record<string, string[]>): { fields: Record<string, string>; rest: string[] } {
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const [key, messages] of Object.entries(errors)) {
    const prop = formPropOfApiError(key);
    const text = messages.join('; ');
    if (prop) fields[prop] = fields[prop] ? `${fields[prop]}; ${text}` : text;
    else rest.push(text);
  }
  return { fields, rest };
}
