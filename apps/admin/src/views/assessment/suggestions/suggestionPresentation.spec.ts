import { describe, expect, it } from 'vitest';
import { responseTimeParts } from './suggestionPresentation';

describe('suggestions page (ASM-4)', () => {
  it('ASM-4 a response time reads in minutes, hours or days, and not at all while unanswered', () => {
    expect(responseTimeParts(null)).toBeNull();
    expect(responseTimeParts(0)).toEqual({ key: 'minutes', n: 0 });
    expect(responseTimeParts(59)).toEqual({ key: 'minutes', n: 59 });
    expect(responseTimeParts(150)).toEqual({ key: 'hours', n: 3 });
    expect(responseTimeParts(47 * 60)).toEqual({ key: 'hours', n: 47 });
    expect(responseTimeParts(3 * 24 * 60 + 100)).toEqual({ key: 'days', n: 3 });
  });
});
