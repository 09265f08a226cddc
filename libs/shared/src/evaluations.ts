/**
 * Evaluations (考核, ASM-2) and innovation suggestions with their awards (创新建议, ASM-7).
 *
 * A cycle scores each participant on a template's weighted dimensions from three sources: the
 * person themself, their peers and their leader. The arithmetic lives here, as pure functions, so
 * that the API computes results with it and the unit tests prove it on known scores.
 */

export const EVALUATION_PERIODS = ['monthly', 'term'] as const;
export type EvaluationPeriod = (typeof EVALUATION_PERIODS)[number];

export const EVALUATION_SOURCES = ['self', 'peer', 'leader'] as const;
export type EvaluationSource = (typeof EVALUATION_SOURCES)[number];

/** draft → open (forms go out) → closed (results computed) → released (each person sees their report). */
export const EVALUATION_CYCLE_STATUSES = ['draft', 'open', 'closed', 'released'] as const;
export type EvaluationCycleStatus = (typeof EVALUATION_CYCLE_STATUSES)[number];

export const EVALUATION_CYCLE_ACTIONS = ['open', 'close', 'release'] as const;
export type EvaluationCycleAction = (typeof EVALUATION_CYCLE_ACTIONS)[number];

export const EVALUATION_CYCLE_TRANSITIONS: Record<
  EvaluationCycleAction,
  { from: readonly EvaluationCycleStatus[]; to: EvaluationCycleStatus }
> = {
  open: { from: ['draft'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
  release: { from: ['closed'], to: 'released' },
};

export function evaluationCycleActionsFrom(status: EvaluationCycleStatus): EvaluationCycleAction[] {
  return EVALUATION_CYCLE_ACTIONS.filter((action) => EVALUATION_CYCLE_TRANSITIONS[action].from.includes(status));
}

/** pending until the evaluator submits it; expired when the cycle closed first. */
export const EVALUATION_FORM_STATUSES = ['pending', 'submitted', 'expired'] as const;
export type EvaluationFormStatus = (typeof EVALUATION_FORM_STATUSES)[number];

/** One weighted dimension of a template, e.g. 工作量 40 on a 1–5 scale. */
export interface EvaluationDimension {
  /** Stable key within the template, e.g. `workload`. */
  key: string;
  name: string;
  /** Percent; a template's weights sum to 100. */
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

/** Scores of one form: dimension key → score on that dimension's scale. */
export type EvaluationScores = Record<string, number>;

export type SourceWeights = Record<EvaluationSource, number>;

/** Field-keyed problems of a template's dimensions; empty when it is sound. */
export function dimensionProblems(dimensions: readonly EvaluationDimension[]): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (field: string, message: string) => (problems[field] ??= []).push(message);
  if (dimensions.length === 0) add('dimensions', 'at least one dimension');
  const total = dimensions.reduce((sum, d) => sum + d.weight, 0);
  if (dimensions.length > 0 && total !== 100) add('dimensions', `weights must sum to 100 (they sum to ${total})`);
  const keys = new Set<string>();
  dimensions.forEach((d, i) => {
    if (keys.has(d.key)) add(`dimensions.${i}.key`, 'each key once');
    keys.add(d.key);
    if (d.scaleMax <= d.scaleMin) add(`dimensions.${i}.scaleMax`, 'must be above scaleMin');
  });
  return problems;
}

/** Field-keyed problems of the self/peer/leader weights; empty when they sum to 100. */
export function sourceWeightProblems(weights: SourceWeights): Record<string, string[]> {
  const total = weights.self + weights.peer + weights.leader;
  return total === 100 ? {} : { sourceWeights: [`self, peer and leader weights must sum to 100 (they sum to ${total})`] };
}

/** Field-keyed problems of a form's scores against its dimensions: every dimension scored, within its scale. */
export function scoreProblems(dimensions: readonly EvaluationDimension[], scores: EvaluationScores): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const known = new Set(dimensions.map((d) => d.key));
  for (const key of Object.keys(scores)) if (!known.has(key)) problems[`scores.${key}`] = ['no such dimension'];
  for (const d of dimensions) {
    const score = scores[d.key];
    if (score === undefined || score === null) problems[`scores.${d.key}`] = ['required'];
    else if (typeof score !== 'number' || !Number.isFinite(score)) problems[`scores.${d.key}`] = ['must be a number'];
    else if (score < d.scaleMin || score > d.scaleMax) problems[`scores.${d.key}`] = [`must be between ${d.scaleMin} and ${d.scaleMax}`];
  }
  return problems;
}

/** A score placed on 0–100: the scale's minimum is 0, its maximum 100. */
export function normaliseScore(score: number, d: Pick<EvaluationDimension, 'scaleMin' | 'scaleMax'>): number {
  return ((score - d.scaleMin) / (d.scaleMax - d.scaleMin)) * 100;
}

/** One form on 0–100: Σ dimension weight × normalised score. */
export function formScore(dimensions: readonly EvaluationDimension[], scores: EvaluationScores): number {
  return dimensions.reduce((sum, d) => sum + (d.weight / 100) * normaliseScore(scores[d.key], d), 0);
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
/** Two decimals, as results are stored and shown. */
export const roundScore = (value: number) => Math.round(value * 100) / 100;

export interface SourceResult {
  /** 0–100, or null when the source is absent (no form, or peers below the minimum). */
  score: number | null;
  /** Per dimension key, the mean normalised score (0–100); empty when the source is absent. */
  dimensions: Record<string, number>;
  responses: number;
}

export interface PersonResult {
  total: number | null;
  sources: Record<EvaluationSource, SourceResult>;
  /** Peers responded, but fewer than the minimum: the peer result is withheld ("not enough responses"). */
  peerWithheld: boolean;
}

/**
 * A person's weighted result:
 *   total = Σ source weight × source score / Σ weights of the sources present,
 *   source score = mean over its forms of Σ dimension weight × normalised score.
 * The peer source counts only when at least `peerMinimum` peers responded; below that it is
 * withheld, like a missing self or leader form, and the weights renormalise over the sources
 * present (self 20 and leader 50 with peers withheld: self counts 20/70, leader 50/70). With no
 * source at all there is no result.
 */
export function personResult(
  dimensions: readonly EvaluationDimension[],
  weights: SourceWeights,
  peerMinimum: number,
  forms: { source: EvaluationSource; scores: EvaluationScores }[],
): PersonResult {
  const sources = {} as Record<EvaluationSource, SourceResult>;
  let peerWithheld = false;
  for (const source of EVALUATION_SOURCES) {
    const own = forms.filter((f) => f.source === source);
    const counts = own.length > 0 && (source !== 'peer' || own.length >= peerMinimum);
    if (source === 'peer' && own.length > 0 && !counts) peerWithheld = true;
    sources[source] = counts
      ? {
          score: mean(own.map((f) => formScore(dimensions, f.scores))),
          dimensions: Object.fromEntries(dimensions.map((d) => [d.key, mean(own.map((f) => normaliseScore(f.scores[d.key], d)))])),
          responses: own.length,
        }
      : { score: null, dimensions: {}, responses: source === 'peer' ? 0 : own.length };
  }
  const present = EVALUATION_SOURCES.filter((s) => sources[s].score !== null && weights[s] > 0);
  const weightSum = present.reduce((sum, s) => sum + weights[s], 0);
  const total = weightSum === 0 ? null : present.reduce((sum, s) => sum + weights[s] * sources[s].score!, 0) / weightSum;
  return { total, sources, peerWithheld };
}

export const EVALUATION_ERRORS = {
  /** 409: the move is not legal from the cycle's status. */
  EVALUATION_CYCLE_ILLEGAL_MOVE: 'EVALUATION_CYCLE_ILLEGAL_MOVE',
  /** 409: the form was already submitted (or the cycle closed); a form is submitted once. */
  EVALUATION_FORM_CLOSED: 'EVALUATION_FORM_CLOSED',
  /** 409: the report was already acknowledged, or not yet released. */
  EVALUATION_REPORT_ACKNOWLEDGED: 'EVALUATION_REPORT_ACKNOWLEDGED',
} as const;

// ---------- innovation suggestions (创新建议, ASM-7) ----------

/** submitted → adopted | not-adopted; adopted → implemented; adopted or implemented → awarded. */
export const INNOVATION_STATUSES = ['submitted', 'adopted', 'not-adopted', 'implemented', 'awarded'] as const;
export type InnovationStatus = (typeof INNOVATION_STATUSES)[number];

export const INNOVATION_ACTIONS = ['review', 'implement', 'award'] as const;
export type InnovationAction = (typeof INNOVATION_ACTIONS)[number];

export const INNOVATION_TRANSITIONS: Record<InnovationAction, { from: readonly InnovationStatus[] }> = {
  review: { from: ['submitted'] },
  implement: { from: ['adopted'] },
  award: { from: ['adopted', 'implemented'] },
};

export function innovationActionsFrom(status: InnovationStatus): InnovationAction[] {
  return INNOVATION_ACTIONS.filter((action) => INNOVATION_TRANSITIONS[action].from.includes(status));
}

/** 一等奖, 二等奖, 三等奖, 优秀奖. */
export const INNOVATION_AWARD_LEVELS = ['first', 'second', 'third', 'excellence'] as const;
export type InnovationAwardLevel = (typeof INNOVATION_AWARD_LEVELS)[number];

export const INNOVATION_ERRORS = {
  /** 409: the move is not legal from the suggestion's status (e.g. awarding one not adopted). */
  INNOVATION_ILLEGAL_MOVE: 'INNOVATION_ILLEGAL_MOVE',
} as const;
