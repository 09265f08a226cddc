import { isQuestionShown, type QuestionAnswer, type QuestionDefinition } from '@xiaoban/shared';

type FieldErrors = Record<string, string[]>;

/**
 * The checks of a questionnaire's questions that class-validator cannot express: what each type
 * needs, and skip logic that points at an earlier choice question and one of its options (a
 * question that depends on a later one could never be decided while answering top to bottom).
 * Returns the questions as stored (only the fields their type uses) and the errors by field.
 */
export function checkDefinition(input: readonly QuestionDefinition[]): { questions: QuestionDefinition[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);
  const questions = input.map((q, i): QuestionDefinition => {
    const stored: QuestionDefinition = { type: q.type, title: q.title, required: q.required, showIf: q.showIf ?? null };
    if (q.type === 'single' || q.type === 'multiple') {
      if (!q.options || q.options.length < 2) fail(`questions.${i}.options`, 'a choice question needs at least two options');
      else if (new Set(q.options).size !== q.options.length) fail(`questions.${i}.options`, 'options must differ');
      stored.options = q.options ?? [];
    } else if (q.options !== undefined) fail(`questions.${i}.options`, `a ${q.type} question takes no options`);
    if (q.type === 'rating') {
      if (q.scale === undefined) fail(`questions.${i}.scale`, 'a rating question needs its scale');
      stored.scale = q.scale;
    } else if (q.scale !== undefined) fail(`questions.${i}.scale`, `a ${q.type} question takes no scale`);
    const condition = q.showIf;
    if (condition) {
      const target = input[condition.question];
      if (condition.question >= i || !target) fail(`questions.${i}.showIf`, 'can only depend on an earlier question');
      else if (target.type !== 'single' && target.type !== 'multiple')
        fail(`questions.${i}.showIf`, 'can only depend on a choice question');
      else if (condition.option >= (target.options?.length ?? 0)) fail(`questions.${i}.showIf`, 'no such option in that question');
    }
    return stored;
  });
  return { questions, errors };
}

const isBlank = (a: unknown) => a === null || a === undefined || a === '' || (Array.isArray(a) && a.length === 0);
const isIndex = (a: unknown, count: number) => Number.isInteger(a) && (a as number) >= 0 && (a as number) < count;

/** Text answers are kept to this length. */
export const TEXT_ANSWER_MAX = 2000;

/**
 * Checks a response against the questions (ASM-3) and returns it normalised (one entry per question,
 * null where blank). A required question must be answered unless skip logic hides it; an answer to a
 * hidden question is refused, as are unknown options and ratings out of range. Errors are keyed
 * `answers.<position>`.
 */
export function checkAnswers(
  questions: readonly QuestionDefinition[],
  raw: readonly unknown[],
): { answers: QuestionAnswer[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (raw.length > questions.length) errors.answers = [`there are only ${questions.length} questions`];
  const answers: QuestionAnswer[] = questions.map((_, i) => (isBlank(raw[i]) ? null : (raw[i] as QuestionAnswer)));
  questions.forEach((q, i) => {
    const field = `answers.${i}`;
    const answer = answers[i];
    if (!isQuestionShown(questions, answers, i)) {
      if (answer !== null) errors[field] = ['this question is skipped by an earlier answer: leave it empty'];
      return;
    }
    if (answer === null) {
      if (q.required) errors[field] = ['required'];
      return;
    }
    const options = q.options?.length ?? 0;
    if (q.type === 'single' && !isIndex(answer, options)) errors[field] = ['choose one of the options'];
    if (q.type === 'multiple') {
      if (!Array.isArray(answer) || !answer.every((a) => isIndex(a, options))) errors[field] = ['choose among the options'];
      else if (new Set(answer).size !== answer.length) errors[field] = ['an option is chosen twice'];
      else answers[i] = [...answer].sort((a, b) => a - b);
    }
    if (q.type === 'rating' && !(Number.isInteger(answer) && (answer as number) >= 1 && (answer as number) <= (q.scale ?? 0))) {
      errors[field] = [`a whole number from 1 to ${q.scale}`];
    }
    if (q.type === 'text') {
      if (typeof answer !== 'string') errors[field] = ['a text'];
      else if (answer.trim().length > TEXT_ANSWER_MAX) errors[field] = [`at most ${TEXT_ANSWER_MAX} characters`];
      else answers[i] = answer.trim() || null;
      if (answers[i] === null && q.required) errors[field] = ['required'];
    }
  });
  return { answers, errors };
}

export interface QuestionResult {
  index: number;
  type: QuestionDefinition['type'];
  title: string;
  answered: number;
  options?: { label: string; count: number }[];
  distribution?: { value: number; count: number }[];
  mean?: number | null;
  texts?: string[];
}

/** The figures per question: counts per option, the rating distribution and mean, the texts. */
export function tally(questions: readonly QuestionDefinition[], responses: readonly QuestionAnswer[][], textLimit = 200): QuestionResult[] {
  return questions.map((q, index) => {
    const given = responses.map((r) => r[index] ?? null).filter((a) => a !== null);
    const result: QuestionResult = { index, type: q.type, title: q.title, answered: given.length };
    if (q.type === 'single' || q.type === 'multiple') {
      const counts = (q.options ?? []).map(() => 0);
      for (const a of given) for (const o of Array.isArray(a) ? a : [a as number]) counts[o] += 1;
      result.options = (q.options ?? []).map((label, o) => ({ label, count: counts[o] }));
    } else if (q.type === 'rating') {
      const scale = q.scale ?? 0;
      const counts = Array.from({ length: scale }, () => 0);
      for (const a of given) counts[(a as number) - 1] += 1;
      result.distribution = counts.map((count, v) => ({ value: v + 1, count }));
      const sum = given.reduce<number>((s, a) => s + (a as number), 0);
      result.mean = given.length ? Math.round((sum / given.length) * 100) / 100 : null;
    } else {
      result.texts = (given as string[]).slice(-textLimit);
    }
    return result;
  });
}
