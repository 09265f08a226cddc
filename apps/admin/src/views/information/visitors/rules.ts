import { isValidIdCardNumber } from '@xiaoban/shared';

/** The visit form's own check, before the API's: the same checksum as the server (libs/shared). */
export function idNumberProblem(value: string): boolean {
  const v = value.trim();
  return v !== '' && !isValidIdCardNumber(v.toUpperCase());
}

export interface QuestionDraft {
  question: string;
  handling: 'answer' | 'transfer';
  answer: string;
  departmentId: string | null;
}

/** A question row is complete when answered on the spot or sent to a department. */
export function questionComplete(q: QuestionDraft): boolean {
  if (!q.question.trim()) return false;
  return q.handling === 'answer' ? q.answer.trim() !== '' : q.departmentId !== null;
}
