/**
 * Pure presentation helpers of the evaluation pages (ASM-2), unit-tested: the weight total a
 * template form shows, and how a source's score reads in a report.
 */
export interface DimensionDraft {
  key: string;
  name: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

/** The weights typed so far, summed; the form shows it against the 100 they must reach. */
export function weightTotal(dimensions: readonly Pick<DimensionDraft, 'weight'>[]): number {
  return dimensions.reduce((sum, d) => sum + (Number.isFinite(d.weight) ? d.weight : 0), 0);
}

/** A key for a new dimension that no other dimension of the template has yet: d1, d2, … */
export function nextDimensionKey(dimensions: readonly Pick<DimensionDraft, 'key'>[]): string {
  const taken = new Set(dimensions.map((d) => d.key));
  let n = dimensions.length + 1;
  while (taken.has(`d${n}`)) n++;
  return `d${n}`;
}

/** How a source's score reads: the score, "not enough responses" for withheld peers, or none. */
export function sourceScoreText(
  source: { score: number | null; notEnoughResponses: boolean },
  labels: { notEnough: string; none: string },
): string {
  if (source.score !== null) return source.score.toFixed(2);
  return source.notEnoughResponses ? labels.notEnough : labels.none;
}
