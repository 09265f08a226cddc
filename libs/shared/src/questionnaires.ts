/**
 * Questionnaires (问卷, ASM-3). A questionnaire is drafted in the panel, opened (its questions are
 * then frozen) and closed. How people answer it is its response mode:
 * - `named`: signed-in staff, one response per person, stored with who answered;
 * - `token`: anonymous, one response per one-time token; each signed-in person may take one token,
 *   and nothing stored links the token (or the response) back to that person;
 * - `open`: a public link (and QR code) for parents and students, no limit.
 */
export const QUESTIONNAIRE_RESPONSE_MODES = ['named', 'token', 'open'] as const;
export type QuestionnaireResponseMode = (typeof QUESTIONNAIRE_RESPONSE_MODES)[number];

export const QUESTIONNAIRE_STATUSES = ['draft', 'open', 'closed'] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];

export const QUESTION_TYPES = ['single', 'multiple', 'rating', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTIONNAIRE_ACTIONS = ['open', 'close'] as const;
export type QuestionnaireAction = (typeof QUESTIONNAIRE_ACTIONS)[number];

export const QUESTIONNAIRE_TRANSITIONS: Record<QuestionnaireAction, { from: readonly QuestionnaireStatus[]; to: QuestionnaireStatus }> = {
  open: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
};

export function questionnaireActionsFrom(status: QuestionnaireStatus): QuestionnaireAction[] {
  return QUESTIONNAIRE_ACTIONS.filter((action) => QUESTIONNAIRE_TRANSITIONS[action].from.includes(status));
}

/** The most options a choice question takes, and the largest rating scale. */
export const QUESTION_MAX_OPTIONS = 20;
export const RATING_MAX_SCALE = 10;
export const QUESTIONNAIRE_MAX_QUESTIONS = 100;

/** "Show this question only if question `question` (an earlier one) was answered with option `option`." */
export interface QuestionCondition {
  question: number;
  option: number;
}

export interface QuestionDefinition {
  type: QuestionType;
  title: string;
  required: boolean;
  /** Choice questions: the options, answered by their index. */
  options?: string[];
  /** Rating questions: answered with a whole number from 1 to scale. */
  scale?: number;
  showIf?: QuestionCondition | null;
}

/** One answer per question, by position: an option index, option indexes, a rating, a text, or null. */
export type QuestionAnswer = number | number[] | string | null;

/**
 * Whether question `index` is shown, given the answers so far: skip logic (ASM-3). A question whose
 * condition's question is itself hidden is hidden too. The public page applies it live, and the
 * server applies the same function when it checks a response.
 */
export function isQuestionShown(questions: readonly QuestionDefinition[], answers: readonly QuestionAnswer[], index: number): boolean {
  const condition = questions[index]?.showIf;
  if (!condition) return true;
  if (condition.question >= index || !isQuestionShown(questions, answers, condition.question)) return false;
  const answer = answers[condition.question];
  if (Array.isArray(answer)) return answer.includes(condition.option);
  return answer === condition.option;
}

export const QUESTIONNAIRE_ERRORS = {
  /** 409: the move is not legal from the questionnaire's status (e.g. closing a draft). */
  QUESTIONNAIRE_ILLEGAL_MOVE: 'QUESTIONNAIRE_ILLEGAL_MOVE',
  /** 409: the questionnaire is open or closed: its questions can no longer change. */
  QUESTIONNAIRE_FROZEN: 'QUESTIONNAIRE_FROZEN',
  /** 409: it does not accept responses now (a draft, closed, or outside its dates). */
  QUESTIONNAIRE_NOT_ACCEPTING: 'QUESTIONNAIRE_NOT_ACCEPTING',
  /** 409: this person (or this token) has answered already. */
  QUESTIONNAIRE_ALREADY_ANSWERED: 'QUESTIONNAIRE_ALREADY_ANSWERED',
  /** 409: this person has taken their token for it already. */
  QUESTIONNAIRE_TOKEN_TAKEN: 'QUESTIONNAIRE_TOKEN_TAKEN',
  /** 400: the way of answering does not fit its response mode (e.g. no token for a token questionnaire). */
  QUESTIONNAIRE_WRONG_MODE: 'QUESTIONNAIRE_WRONG_MODE',
} as const;
