import type { SecrecyLevel } from '@xiaoban/shared';

/** The person behind a request, loaded fresh for every request from their token's subject. */
export interface Principal {
  id: string;
  username: string;
  name: string;
  departmentId: string | null;
  roles: string[];
  permissions: ReadonlySet<string>;
  clearance: SecrecyLevel;
}
