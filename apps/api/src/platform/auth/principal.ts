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
  /**
   * True for another school system calling with an API token (PLT-9): id and name are the
   * token's, and permissions are exactly its scopes.
   */
  apiToken?: boolean;
}
