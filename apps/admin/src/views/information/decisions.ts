import { unresolvedFindings, type FindingDecision, type SensitiveFinding } from '@xiaoban/shared';

/** The author's choice on one finding as the review form holds it: not yet made, mask, or keep with a reason. */
export type Decision = { action: 'mask' | 'keep' | undefined; reason: string };

/** The choices made so far, as the shared rule and the API take them. */
export function decisionBodies(decisions: Record<string, Decision>): FindingDecision[] {
  return Object.entries(decisions).flatMap(([key, d]): FindingDecision[] =>
    d.action === 'mask' ? [{ key, action: 'mask' }] : d.action === 'keep' ? [{ key, action: 'keep', reason: d.reason }] : [],
  );
}

/** Keys of the findings still waiting for a decision, by the same rule the API enforces (libs/shared). */
export function undecidedKeys(findings: readonly SensitiveFinding[], decisions: Record<string, Decision>): Set<string> {
  return new Set(unresolvedFindings(findings, decisionBodies(decisions)).map((f) => f.key));
}
