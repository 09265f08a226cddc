import { isQuestionShown, type QuestionAnswer, type QuestionDefinition, type QuestionType } from '@xiaoban/shared';

/** A question as the builder edits it: every field present, so the form can bind to each. */
export interface DraftQuestion {
  type: QuestionType;
  title: string;
  required: boolean;
  options: string[];
  scale: number;
  /** "question:option", or '' for always shown: one select holds both. */
  condition: string;
}

export function emptyQuestion(type: QuestionType = 'single'): DraftQuestion {
  return { type, title: '', required: true, options: ['', ''], scale: 5, condition: '' };
}

export function toDraft(q: QuestionDefinition): DraftQuestion {
  return {
    type: q.type,
    title: q.title,
    required: q.required,
    options: q.options ? [...q.options] : ['', ''],
    scale: q.scale ?? 5,
    condition: q.showIf ? `${q.showIf.question}:${q.showIf.option}` : '',
  };
}

/** What the API takes: only the fields the type uses; a condition on a question that moved below is dropped. */
export function toDefinition(questions: DraftQuestion[]): QuestionDefinition[] {
  return questions.map((q, index) => {
    const out: QuestionDefinition = { type: q.type, title: q.title.trim(), required: q.required, showIf: null };
    if (q.type === 'single' || q.type === 'multiple') out.options = q.options.map((o) => o.trim());
    if (q.type === 'rating') out.scale = q.scale;
    const [question, option] = q.condition ? q.condition.split(':').map(Number) : [];
    if (question !== undefined && option !== undefined && question < index) out.showIf = { question, option };
    return out;
  });
}

/** The conditions question `index` may use: an option of an earlier choice question. */
export function conditionChoices(questions: DraftQuestion[], index: number): { value: string; question: number; option: string }[] {
  return questions
    .slice(0, index)
    .flatMap((q, i) =>
      q.type === 'single' || q.type === 'multiple' ? q.options.map((option, o) => ({ value: `${i}:${o}`, question: i + 1, option })) : [],
    );
}

const blank = (a: QuestionAnswer | undefined) => a === null || a === undefined || a === '' || (Array.isArray(a) && a.length === 0);

/**
 * The answers to send: one per question, null where blank, and null where skip logic hides the
 * question (the server refuses an answer to a hidden question, so one given before the person
 * changed an earlier answer is cleared here).
 */
export function answersToSend(
  questions: readonly QuestionDefinition[],
  answers: readonly (QuestionAnswer | undefined)[],
): QuestionAnswer[] {
  const given = questions.map((_, i) => (blank(answers[i]) ? null : (answers[i] as QuestionAnswer)));
  return given.map((a, i) => (isQuestionShown(questions, given, i) ? (typeof a === 'string' ? a.trim() || null : a) : null));
}

/** Positions of required questions that are shown but not answered. */
export function missingRequired(questions: readonly QuestionDefinition[], answers: readonly (QuestionAnswer | undefined)[]): number[] {
  const sent = answersToSend(questions, answers);
  return questions.flatMap((q, i) => (q.required && isQuestionShown(questions, sent, i) && sent[i] === null ? [i] : []));
}
