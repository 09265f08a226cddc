import fc from 'fast-check';

/**
 * Malformed requests for every operation of the OpenAPI document (NFR-10), built with fast-check
 * from each operation's own parameters and body schema: wrong types, missing and extra fields,
 * huge strings, deep nesting, invalid ids in the path, SQL and script fragments, invalid UTF-8.
 * The cases are meant to be rejected; the suite checks how (fuzz.e2e-spec.ts).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: Json[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  additionalProperties?: boolean | Schema;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { operationId?: string; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema?: Schema }> } }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The OpenAPI path, e.g. /api/v1/meetings/{id}. */
  path: string;
  operationId: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The JSON body's schema, with references resolved; undefined for operations without one. */
  body?: Schema;
  multipart: boolean;
}

/** One generated request. `rawBody` (bytes) wins over `body`. */
export interface FuzzCase {
  kind: string;
  url: string;
  body?: Json;
  rawBody?: Buffer;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const resolve = (schema: Schema | undefined, depth = 0): Schema | undefined => resolveSchema(doc, schema, depth);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const parameters = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      operations.push({
        method: method as Operation['method'],
        path,
        operationId: op.operationId ?? `${method} ${path}`,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ ...p, schema: resolve(p.schema) })),
        body: resolve(content['application/json']?.schema),
        multipart: Boolean(content['multipart/form-data']),
      });
    }
  }
  return operations;
}

/** Inlines `$ref`s and folds `allOf` (nestjs/swagger wraps a described reference in one). */
function resolveSchema(doc: OpenApiDocument, schema: Schema | undefined, depth: number): Schema | undefined {
  if (!schema || depth > 6) return schema;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolveSchema(doc, doc.components?.schemas?.[name], depth + 1);
  }
  if (schema.allOf?.length) {
    return schema.allOf
      .map((part) => resolveSchema(doc, part, depth + 1) ?? {})
      .reduce((merged, part) => ({ ...merged, ...part }), {} as Schema);
  }
  const resolved: Schema = { ...schema };
  if (schema.properties) {
    resolved.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolveSchema(doc, v, depth + 1) ?? {}]),
    );
  }
  if (schema.items) resolved.items = resolveSchema(doc, schema.items, depth + 1);
  if (schema.oneOf) resolved.oneOf = schema.oneOf.map((s) => resolveSchema(doc, s, depth + 1) ?? {});
  return resolved;
}

// ---------- values ----------

/** Fragments an attacker tries: SQL, script, path traversal, format strings, control characters. */
export const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(5)--',
  '" OR ""="',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '%s%s%s%n',
  '\u0000',
  'null',
  '-1',
  '1e309',
  'NaN',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '𠮷野家🙂',
  '   ',
];

/** Ids that are not ids: every route's `:id` must answer 4xx to them, never 5xx. */
const BAD_IDS = [
  'abc',
  '0',
  '-1',
  '1.5',
  '00000000-0000-0000-0000-00000000000g',
  '00000000000000000000000000000000',
  "1' OR '1'='1",
  '%00',
  '%2e%2e%2f',
  'x'.repeat(300),
  '9999999999999999999999',
  '%E4%B8%AD%E6%96%87',
  'undefined',
  'null',
];

const hostile = fc.constantFrom(...HOSTILE_STRINGS);
const anyUuid = fc.uuid({ version: 4 });

/** A value of the wrong type for `schema`. */
function wrongTypeOf(schema: Schema): fc.Arbitrary<Json> {
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  const choices: fc.Arbitrary<Json>[] = [fc.constant(null), fc.constant(true), fc.constant({ $gt: '' }), fc.constant([])];
  if (type !== 'string') choices.push(hostile, fc.string({ maxLength: 8 }));
  if (type !== 'number' && type !== 'integer') choices.push(fc.integer(), fc.constant(1e308), fc.constant(-0.5));
  if (type === 'integer') choices.push(fc.constant(1.5), fc.constant(Number.MAX_SAFE_INTEGER * 4));
  if (type === 'string' && schema.format) choices.push(hostile);
  if (schema.enum) choices.push(fc.constant('not-an-option'));
  return fc.oneof(...choices);
}

/** A plausible value for `schema`, so that one broken field is what the API sees. */
function plausible(schema: Schema | undefined, depth = 0): fc.Arbitrary<Json> {
  if (!schema || depth > 4) return fc.constant(null);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.oneOf?.length) return fc.oneof(...schema.oneOf.map((s) => plausible(s, depth + 1)));
  const type = schema.type ?? (schema.properties ? 'object' : 'string');
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return anyUuid;
      if (schema.format === 'date') return fc.constantFrom('2026-03-01', '2026-12-31', '2000-02-29');
      if (schema.format === 'date-time') return fc.constantFrom('2026-03-01T08:00:00.000Z', '2026-12-31T23:59:59+08:00');
      if (schema.format === 'email') return fc.constant('fuzz@example.com');
      return fc.oneof(fc.constantFrom('测试', '关于做好寒假安全工作的通知', 'fuzz'), fc.string({ minLength: 1, maxLength: 12 }));
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 1000, 1_000_000) });
    case 'number':
      return fc.double({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(schema.items, depth + 1), { maxLength: 3 });
    case 'object': {
      const entries = Object.entries(schema.properties ?? {});
      return fc.record(Object.fromEntries(entries.map(([k, v]) => [k, plausible(v, depth + 1)])));
    }
    default:
      return fc.constant(null);
  }
}

/** JSON nested `depth` levels deep, as text: JSON.stringify itself overflows the stack long before. */
function nestedJson(depth: number): string {
  let text = '"deep"';
  for (let i = 0; i < depth; i++) text = i % 2 ? `{"a":${text}}` : `[${text}]`;
  return text;
}

/** `body` with `nestedJson(depth)` as the value of `key`, as bytes. */
function withDeepValue(body: Record<string, Json>, key: string, depth: number): Buffer {
  const marker = '\u0000deep\u0000';
  return Buffer.from(JSON.stringify({ ...body, [key]: marker }).replace(JSON.stringify(marker), nestedJson(depth)));
}

/** Bytes that are not UTF-8, inside what is otherwise a JSON object. */
const invalidUtf8 = fc.constantFrom(
  Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('"}')]),
  Buffer.concat([Buffer.from('{"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('":1}')]),
  Buffer.from([0xc0, 0xaf, 0x7b, 0x7d]),
  Buffer.from('{"a":'),
);

// ---------- cases ----------

function pathArbitrary(op: Operation): fc.Arbitrary<{ path: string; badId: boolean }> {
  if (op.pathParams.length === 0) return fc.constant({ path: op.path, badId: false });
  return fc
    .tuple(...op.pathParams.map(() => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...BAD_IDS) }, { weight: 1, arbitrary: anyUuid })))
    .map((values) => {
      let path = op.path;
      op.pathParams.forEach((param, i) => {
        path = path.replace(`{${param.name}}`, values[i].includes('%') ? values[i] : encodeURIComponent(values[i]));
      });
      return { path, badId: true };
    });
}

function queryArbitrary(op: Operation): fc.Arbitrary<string> {
  if (op.queryParams.length === 0) return fc.constant('');
  const param = fc.constantFrom(...op.queryParams);
  const value = fc.oneof(
    hostile,
    fc.constantFrom('-1', '0', '1.5', 'abc', '99999999999999999999', '[]', '{}', 'true', 'x'.repeat(5000)),
    param.chain((p) => plausible(p.schema).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))),
  );
  return fc
    .array(fc.tuple(param, value), { minLength: 1, maxLength: 3 })
    .map((pairs) => '?' + pairs.map(([p, v]) => `${encodeURIComponent(p.name)}=${encodeURIComponent(v)}`).join('&'));
}

/** The body cases for an operation: each breaks the (plausible) body in one way. */
function bodyArbitrary(op: Operation): fc.Arbitrary<{ kind: string; body?: Json; rawBody?: Buffer }> {
  const schema = op.body ?? { type: 'object', properties: {} };
  const props = Object.entries(schema.properties ?? {});
  const base = plausible(schema) as fc.Arbitrary<Json>;
  const asObject = (value: Json): Record<string, Json> => (value && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {});
  const variants: fc.Arbitrary<{ kind: string; body?: Json; rawBody?: Buffer }>[] = [
    fc.constantFrom<Json>(null, 42, 'text', [], [1, 2], true).map((body) => ({ kind: 'not an object', body })),
    fc.tuple(base, fc.constantFrom('__proto__', 'constructor', 'unknownField', 'id', 'createdBy', '$where')).map(([b, key]) => ({
      kind: 'extra field',
      body: { ...asObject(b), [key]: key === '__proto__' ? { admin: true } : 'x' },
    })),
    invalidUtf8.map((rawBody) => ({ kind: 'invalid UTF-8', rawBody })),
    fc.constantFrom(2_000, 20_000).map((depth) => ({ kind: 'deep nesting', rawBody: withDeepValue({}, 'value', depth) })),
  ];
  if (props.length) {
    const prop = fc.constantFrom(...props);
    variants.push(
      fc
        .tuple(base, prop)
        .chain(([b, [key, s]]) => wrongTypeOf(s).map((bad) => ({ kind: `wrong type: ${key}`, body: { ...asObject(b), [key]: bad } }))),
      fc.tuple(base, prop, hostile).map(([b, [key], h]) => ({ kind: `hostile string: ${key}`, body: { ...asObject(b), [key]: h } })),
      fc.tuple(base, prop, fc.constantFrom(100_000, 3_000_000)).map(([b, [key], n]) => ({
        kind: `huge string: ${key}`,
        body: { ...asObject(b), [key]: '长'.repeat(n) },
      })),
      fc.tuple(base, prop, fc.constantFrom(50, 3_000)).map(([b, [key], depth]) => ({
        kind: `deep value: ${key}`,
        rawBody: withDeepValue(asObject(b), key, depth),
      })),
    );
    if (schema.required?.length) {
      variants.push(
        fc.tuple(base, fc.subarray(schema.required, { minLength: 1 })).map(([b, drop]) => {
          const body = asObject(b);
          for (const key of drop) delete body[key];
          return { kind: `missing: ${drop.join(',')}`, body };
        }),
      );
    }
  }
  return fc.oneof(...variants);
}

/** The cases for one operation: bad path ids and query values, and broken bodies where it takes one. */
export function casesFor(op: Operation, runs: number, seed: number): FuzzCase[] {
  const takesBody = op.method !== 'get' && op.method !== 'delete';
  const arbitrary = fc
    .tuple(
      pathArbitrary(op),
      fc.option(queryArbitrary(op), { nil: '' }),
      takesBody ? fc.option(bodyArbitrary(op), { nil: undefined }) : fc.constant(undefined),
    )
    .map(([{ path, badId }, query, body]): FuzzCase => {
      const kinds = [badId ? 'path id' : '', query ? 'query' : '', body?.kind ?? ''].filter(Boolean);
      return { kind: kinds.join(' + ') || 'plain', url: path + query, body: body?.body, rawBody: body?.rawBody };
    });
  return fc.sample(arbitrary, { numRuns: runs, seed });
}
