import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { PLATFORM_ERRORS, type ApprovalStep } from '@xiaoban/shared';
import { api } from '../../../api/client';
import { errorCode, isErrorBody, notifyApiError, describeApiError } from '../../../api/errors';
import type { ApprovalChain, ApprovalChainUpdate, Role } from '../../../api/types';
import { blankStep, chainErrorsFromApi, chainFingerprint, formToStep, moveStep, removeStep, stepToForm, type StepForm } from './chainSteps';

/**
 * The chain editor (PLT-2): every kind's chain, the one being edited as step forms, and saving it
 * with the version read (a chain changed meanwhile answers 409 and is reloaded).
 */
export function useApprovalChains() {
  const { t } = useI18n();
  const chains = ref<ApprovalChain[]>([]);
  const roles = ref<Role[]>([]);
  /** Names of the people named in steps, for the pickers to show before any search. */
  const userNames = ref(new Map<string, string>());
  const loading = ref(false);
  const saving = ref(false);

  const currentKind = ref<string | null>(null);
  const steps = ref<StepForm[]>([]);
  const savedFingerprint = ref('[]');
  /** Server errors by form prop (`steps.1.role`), shown on the fields. */
  const fieldErrors = ref<Record<string, string>>({});

  const current = computed(() => chains.value.find((chain) => chain.kind === currentKind.value) ?? null);
  const dirty = computed(() => chainFingerprint(steps.value) !== savedFingerprint.value);

  function edit(kind: string): void {
    const chain = chains.value.find((entry) => entry.kind === kind);
    currentKind.value = chain?.kind ?? null;
    // The API's step shape is the shared ApprovalStep; the generated type is looser (optional fields).
    steps.value = (chain?.steps as ApprovalStep[] | undefined)?.map(stepToForm) ?? [];
    savedFingerprint.value = chainFingerprint(steps.value);
    fieldErrors.value = {};
  }

  async function resolveUserNames(): Promise<void> {
    const ids = new Set(chains.value.flatMap((chain) => chain.steps.flatMap((step) => step.approvers.userIds ?? [])));
    const unknown = [...ids].filter((id) => !userNames.value.has(id));
    const found = await Promise.all(unknown.map((id) => api.GET('/api/v1/org/users/{id}', { params: { path: { id } } })));
    const next = new Map(userNames.value);
    for (const { data } of found) if (data) next.set(data.id, data.name);
    userNames.value = next;
  }

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const [chainResult, roleResult] = await Promise.all([api.GET('/api/v1/approvals/chains'), api.GET('/api/v1/org/roles')]);
      if (roleResult.data) roles.value = roleResult.data;
      else notifyApiError(roleResult.error);
      if (!chainResult.data) {
        notifyApiError(chainResult.error);
        return;
      }
      chains.value = chainResult.data;
      edit(currentKind.value ?? chainResult.data[0]?.kind ?? '');
      await resolveUserNames();
    } finally {
      loading.value = false;
    }
  }

  function addStep(): void {
    steps.value = [...steps.value, blankStep()];
  }

  function move(index: number, delta: -1 | 1): void {
    steps.value = moveStep(steps.value, index, delta);
    fieldErrors.value = {};
  }

  function remove(index: number): void {
    steps.value = removeStep(steps.value, index);
    fieldErrors.value = {};
  }

  function discard(): void {
    if (currentKind.value) edit(currentKind.value);
  }

  /** Saves the steps; true when saved. */
  async function save(): Promise<boolean> {
    const chain = current.value;
    if (!chain) return false;
    saving.value = true;
    fieldErrors.value = {};
    try {
      // The generated type of a condition's value is wrong (an empty object); it is a string, number, boolean or list.
      const body = { steps: steps.value.map(formToStep), version: chain.version } as unknown as ApprovalChainUpdate;
      const { data, error } = await api.PUT('/api/v1/approvals/chains/{kind}', { params: { path: { kind: chain.kind } }, body });
      if (data) {
        chains.value = chains.value.map((entry) => (entry.kind === data.kind ? data : entry));
        edit(data.kind);
        ElMessage.success(t('chains.saved'));
        return true;
      }
      if (errorCode(error) === PLATFORM_ERRORS.VERSION_CONFLICT) {
        ElMessage.warning(t('chains.stale'));
        await load();
        return false;
      }
      if (isErrorBody(error) && error.errors) {
        const { fields, rest } = chainErrorsFromApi(error.errors);
        fieldErrors.value = fields;
        ElMessage.error(rest.length ? rest.join('; ') : t('errors.fixFields'));
        return false;
      }
      ElMessage.error(describeApiError(error));
      return false;
    } finally {
      saving.value = false;
    }
  }

  return {
    chains,
    roles,
    userNames,
    loading,
    saving,
    currentKind,
    current,
    steps,
    dirty,
    fieldErrors,
    load,
    edit,
    addStep,
    move,
    remove,
    discard,
    save,
  };
}
