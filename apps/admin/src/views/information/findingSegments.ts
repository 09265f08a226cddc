import type { SensitiveKind } from '@xiaoban/shared';

export interface FindingLike {
  kind: SensitiveKind;
  start: number;
  end: number;
  key: string;
}

/** A run of the checked text: plain, or one finding to highlight. */
export type TextSegment = { text: string; finding?: FindingLike };

/**
 * Cuts the text into plain runs and findings, in order, so the preview can highlight each finding
 * where it stands. Findings come from the API sorted and never overlapping; anything else is skipped.
 */
export function findingSegments(text: string, findings: readonly FindingLike[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < at || finding.end > text.length) continue;
    if (finding.start > at) segments.push({ text: text.slice(at, finding.start) });
    segments.push({ text: text.slice(finding.start, finding.end), finding });
    at = finding.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
