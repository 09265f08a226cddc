/** One measure row of a form: what, who, by when. */
export interface MeasureDraft {
  description: string;
  ownerId: string | null;
  dueOn: string;
}

export const emptyMeasure = (): MeasureDraft => ({ description: '', ownerId: null, dueOn: '' });

/** The rows a person filled in completely; null when a row is half filled (the form then asks for the rest). */
export function completeMeasures(rows: MeasureDraft[]): { description: string; ownerId: string; dueOn: string }[] | null {
  const touched = rows.filter((r) => r.description.trim() || r.ownerId || r.dueOn);
  if (touched.some((r) => !r.description.trim() || !r.ownerId || !r.dueOn)) return null;
  return touched.map((r) => ({ description: r.description.trim(), ownerId: r.ownerId!, dueOn: r.dueOn }));
}
