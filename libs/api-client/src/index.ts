/**
 * The typed client of the xiaoban API, generated from openapi.json by `pnpm gen:api`.
 * The admin panel calls the API only through this.
 */
import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import type { paths, components } from './schema';

export type { paths, components, Middleware };
export type Schemas = components['schemas'];
/**
 * Responses are typed as their JSON: list routes also answer .xlsx (`format=xlsx`, PLT-7), which
 * the panel reads with `parseAs: 'blob'` instead.
 */
export type ApiClient = Client<paths, 'application/json'>;

export function createApiClient(options: ClientOptions = {}): ApiClient {
  return createClient<paths, 'application/json'>(options);
}
