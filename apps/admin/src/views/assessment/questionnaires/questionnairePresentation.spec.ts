import { describe, expect, it } from 'vitest';
import type { QuestionDefinition } from '@xiaoban/shared';
import { answersToSend, conditionChoices, emptyQuestion, missingRequired, toDefinition } from './questionnairePresentation';

const QUESTIONS: QuestionDefinition[] = [
  { type: 'single', title: '走读还是住校', required: true, options: ['走读', '住校'] },
  { type: 'rating', title: '宿舍满意度', required: true, scale: 5, showIf: { question: 0, option: 1 } },
  { type: 'text', title: '建议', required: false },
];

describe('questionnaire presentation (ASM-3)', () => {
  it('ASM-3 clears the answer to a question that skip logic now hides, and asks only for shown required ones', () => {
    expect(answersToSend(QUESTIONS, [0, 4, '  '])).toEqual([0, null, null]);
    expect(answersToSend(QUESTIONS, [1, 4, ' 很好 '])).toEqual([1, 4, '很好']);
    expect(missingRequired(QUESTIONS, [0])).toEqual([]);
    expect(missingRequired(QUESTIONS, [1])).toEqual([1]);
    expect(missingRequired(QUESTIONS, [])).toEqual([0]);
  });

  it('ASM-3 the builder offers only earlier choice questions as conditions, and sends only what each type uses', () => {
    const drafts = [
      { ...emptyQuestion('single'), title: '年级', options: ['初一', '初二'] },
      { ...emptyQuestion('rating'), title: '评分' },
      emptyQuestion('text'),
    ];
    expect(conditionChoices(drafts, 0)).toEqual([]);
    expect(conditionChoices(drafts, 2).map((c) => c.value)).toEqual(['0:0', '0:1']);
    drafts[2] = { ...drafts[2]!, title: '说明', condition: '0:1' };
    expect(toDefinition(drafts)).toEqual([
      { type: 'single', title: '年级', required: true, options: ['初一', '初二'], showIf: null },
      { type: 'rating', title: '评分', required: true, scale: 5, showIf: null },
      { type: 'text', title: '说明', required: true, showIf: { question: 0, option: 1 } },
    ]);
  });
});
