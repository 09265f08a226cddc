/** A request names a title, what is asked, a deadline and at least one department. */
export function requestComplete(form: { title: string; description: string; deadline: string | null; departmentIds: string[] }): boolean {
  return !!form.title.trim() && !!form.description.trim() && !!form.deadline && form.departmentIds.length > 0;
}
