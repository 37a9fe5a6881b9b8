import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../src/core/random.ts';
import { BODY_CASES, bodyValues, pathValues, urlValues } from '../helpers/fuzz-inputs.ts';
import { startSyncWorld, type SyncWorld } from '../helpers/sync-world.ts';

/**
 * Issue 9, point 5: bad input never makes a 500. Signed in as an administrator, every route of the server (from
 * its OpenAPI document, plus Fastify's route table where the server records one) gets, per field, NUL bytes,
 * huge strings, wrong types, repeated parameters, non-UUID ids, overflowing numbers, empty and malformed
 * bodies; one field bad at a time on an otherwise valid request, so the bad value is what the server meets.
 * Bounded and seeded: the same few thousand requests on every run.
 *
 * Nothing here may act on real records: ids in paths are only ever invalid, the account's own id is used only
 * to carry a bad body, and routes without any input that change state (logout, disconnect, start the demo) get
 * only bodies their schema refuses, or nothing at all.
 */

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  pattern?: string;
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
}
interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  method: string;
  /** Fastify's spelling, `/api/accounts/:id`. */
  url: string;
  params: Parameter[];
  body: JsonSchema | undefined;
}
interface FuzzRequest {
  method: string;
  /** The route it aims at, `/api/accounts/:id`. */
  route: string;
  path: string;
  label: string;
  contentType?: string;
  body?: string;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe('HTTP fuzz: no input makes a 5xx', () => {
  let world: SyncWorld;
  let cookie: string;
  beforeAll(async () => {
    world = await startSyncWorld();
    const setup = await fetch(`${world.app.url}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'fuzzer', password: 'correct horse battery' }),
    });
    expect(setup.status).toBe(201);
    cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  });
  afterAll(() => world?.close());

  it('answers every bad request with 4xx, and stays alive', { timeout: 120_000 }, async () => {
    const random = createRandom(20_260_509);
    const send = async (request: FuzzRequest) => {
      const response = await fetch(`${world.app.url}${request.path}`, {
        method: request.method,
        headers: {
          cookie,
          ...(request.contentType !== undefined && { 'content-type': request.contentType }),
        },
        ...(request.body !== undefined && { body: request.body }),
        redirect: 'manual',
      });
      return { status: response.status, text: await response.text() };
    };

    const document = await send({ method: 'GET', route: '', path: '/api/openapi.json', label: 'document' });
    expect(document.status).toBe(200);
    const operations = readOperations(JSON.parse(document.text));
    // Routes the document hides (the document itself, the docs page, the web app's files) still get fuzzed.
    const table = (
      world.app.server as unknown as { routeTable?: () => { method: string; url: string }[] }
    ).routeTable?.();
    for (const route of table ?? []) {
      if (route.method === 'HEAD' || route.method === 'OPTIONS') continue;
      if (!operations.some((o) => o.method === route.method && o.url === route.url))
        operations.push({ method: route.method, url: route.url, params: [], body: undefined });
    }
    expect(operations.length).toBeGreaterThan(25);

    const accountId = world.account.id;
    const known = knownBodies(world);
    const requests = operations.flatMap((operation) =>
      requestsFor(operation, { accountId, known: known[`${operation.method} ${operation.url}`], random }),
    );

    const counts = { requests: 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
    const failures: string[] = [];
    const perRoute = new Map<string, Record<string, number>>();
    await inParallel(requests, 4, async (request) => {
      const { status, text } = await send(request);
      counts.requests += 1;
      counts[`${Math.floor(status / 100)}xx` as keyof typeof counts] += 1;
      const route = `${request.method} ${request.route}`;
      const tally = perRoute.get(route) ?? {};
      tally[status] = (tally[status] ?? 0) + 1;
      perRoute.set(route, tally);
      if (status >= 500)
        failures.push(
          `${request.method} ${request.path.slice(0, 120)} [${request.label}] → ${status} ${text.slice(0, 200)}`,
        );
    });

    console.log(
      `HTTP fuzz: ${operations.length} routes, ${counts.requests} requests: ` +
        `${counts['2xx']} × 2xx, ${counts['3xx']} × 3xx, ${counts['4xx']} × 4xx, ${counts['5xx']} × 5xx`,
    );
    // FUZZ_VERBOSE=1: the statuses per route, to see that each route was reached past its schema where it can be.
    if (process.env.FUZZ_VERBOSE)
      for (const [route, tally] of perRoute) console.log(`${route.padEnd(40)} ${JSON.stringify(tally)}`);
    // The routes' schemas refuse bad values before any query; errors.ts turns what PostgreSQL still refuses
    // into a 400 and logs it. Such a value reaching the database is a schema to mend: listed, and allowed only
    // where the schema is known to use plain strings still.
    const reachedDatabase = [
      ...new Set(
        world.app
          .logs()
          .split('\n')
          .filter((line) => line.includes('input refused by PostgreSQL'))
          .map((line) => (JSON.parse(line) as { route?: string }).route ?? '?'),
      ),
    ];
    if (reachedDatabase.length)
      console.log(`HTTP fuzz: values refused only by PostgreSQL on ${reachedDatabase.join(', ')}`);
    expect(failures).toEqual([]);
    expect(reachedDatabase).toEqual([]);
    expect(counts.requests).toBeGreaterThan(1000);
    // Alive, still signed in, and the records the fuzz carried bad bodies to are still there.
    expect((await send({ method: 'GET', route: '', path: '/health', label: 'alive' })).status).toBe(200);
    const after = await send({
      method: 'GET',
      route: '',
      path: `/api/accounts/${accountId}`,
      label: 'session',
    });
    expect(after.status).toBe(200);
    expect((await send({ method: 'GET', route: '', path: '/api/erp', label: 'erp' })).text).toContain(
      world.odoo.url,
    );
  });
});

/** Every operation of the OpenAPI document, with its parameters and its JSON body schema. */
function readOperations(document: {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown }>>;
}): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method: method.toUpperCase(),
      url: path.replace(/\{(\w+)\}/g, ':$1'),
      params: operation.parameters ?? [],
      body: (operation.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)
        ?.content?.['application/json']?.schema,
    })),
  );
}

/** Valid bodies for the routes that act on the sandboxes, so that a single bad field is the only fault. */
function knownBodies(world: SyncWorld): Record<string, Record<string, unknown>> {
  return {
    'POST /api/accounts': {
      type: 'kaufland',
      name: 'Fuzz Store',
      clientId: 'a'.repeat(32),
      clientSecret: 'b'.repeat(64),
      baseUrl: world.kaufland.baseUrl,
    },
    'PUT /api/accounts/:id/credentials': { clientId: 'c'.repeat(32), clientSecret: 'd'.repeat(64) },
    'PATCH /api/accounts/:id': {
      name: 'Test Store',
      settings: { handlingTimeDays: 2, carrierMapping: { DHL: 'DHL' }, priceRule: { factor: 1.1 } },
    },
    'POST /api/accounts/:id/sync': { step: 'catalog' },
    'POST /api/erp': {
      type: 'odoo',
      url: world.odoo.url,
      database: world.odoo.database,
      login: world.odoo.login,
      apiKey: 'wrong key',
    },
    'PUT /api/erp/credentials': { apiKey: 'wrong key' },
    'PATCH /api/erp': { settings: { safetyBuffer: 1, productTypes: ['storable'] } },
    'POST /api/auth/login': { username: 'fuzzer', password: 'wrong password!' },
  };
}

function requestsFor(
  operation: Operation,
  context: {
    accountId: string;
    known: Record<string, unknown> | undefined;
    random: ReturnType<typeof createRandom>;
  },
): FuzzRequest[] {
  const { method } = operation;
  const pathParams = operation.params.filter((p) => p.in === 'path');
  const declaredPathParams = operation.url.match(/:\w+/g)?.map((p) => p.slice(1)) ?? [];
  const queryParams = operation.params.filter((p) => p.in === 'query');
  const bodyFields = unwrap(operation.body)?.properties ?? {};
  const hasInput =
    declaredPathParams.length > 0 || queryParams.length > 0 || Object.keys(bodyFields).length > 0;
  // A state-changing route with no input of its own (logout, disconnect, start the demo): only what its body
  // schema refuses, never a request that could pass.
  if (STATE_CHANGING.has(method) && !hasInput) {
    if (!operation.body || /\/logout$/.test(operation.url)) return [];
    return BODY_CASES.map((c) => ({
      method,
      route: operation.url,
      path: operation.url,
      label: c.label,
      contentType: c.contentType,
      body: c.body,
    }));
  }

  // A valid path: the account's own id only to carry bad bodies and queries (never for DELETE); otherwise an id
  // that exists nowhere.
  const validParam = (name: string) => {
    const schema = pathParams.find((p) => p.name === name)?.schema;
    if (operation.url.startsWith('/api/accounts/:id') && name === 'id' && method !== 'DELETE')
      return context.accountId;
    if (schema?.format === 'uuid' || schema === undefined) return randomUUID();
    return schema.pattern?.includes('\\d') ? '987654321' : 'nothing-here';
  };
  const pathWith = (bad?: { name: string; encoded: string }) =>
    operation.url.replace(/:(\w+)/g, (_m, name: string) =>
      bad?.name === name ? bad.encoded : validParam(name),
    );
  const baseQuery = Object.fromEntries(
    queryParams
      .filter((p) => p.required)
      .map((p) => [p.name, encodeURIComponent(validValue(p.name, p.schema, context.accountId))]),
  );
  const withQuery = (path: string, query: Record<string, string>, extra = '') => {
    const text = Object.entries(query)
      .map(([k, v]) => `${k}=${v}`)
      .concat(extra ? [extra] : [])
      .join('&');
    return text ? `${path}?${text}` : path;
  };
  const baseBody = context.known ?? generatedBody(operation.body, context.accountId);
  const hasBody = operation.body !== undefined && method !== 'GET' && method !== 'DELETE';
  const bodyText = hasBody ? JSON.stringify(baseBody) : undefined;
  const bodyType = hasBody ? 'application/json' : undefined;
  const out: FuzzRequest[] = [];
  const push = (label: string, path: string, body = bodyText, contentType = bodyType) =>
    out.push({ method, route: operation.url, path, label, ...(body !== undefined && { body, contentType }) });

  // Path parameters: only invalid values.
  for (const name of declaredPathParams)
    for (const value of pathValues(context.random))
      push(`:${name} ${value.label}`, withQuery(pathWith({ name, encoded: value.encoded }), baseQuery));

  // Path parameters are only ever valid from here on, so a route that deletes never gets further.
  if (method === 'DELETE' && declaredPathParams.length > 0) return out;

  // Query parameters: each bad value, repeated, and in bracket notation; plus one undeclared parameter.
  for (const param of queryParams) {
    for (const value of urlValues(context.random))
      push(
        `?${param.name} ${value.label}`,
        withQuery(pathWith(), { ...baseQuery, [param.name]: value.encoded }),
      );
    push(
      `?${param.name} repeated`,
      withQuery(pathWith(), { ...baseQuery }, `${param.name}=a&${param.name}=b`),
    );
    push(`?${param.name}[]`, withQuery(pathWith(), { ...baseQuery }, `${param.name}[]=a&${param.name}[x]=b`));
  }
  if (method === 'GET') push('undeclared query', withQuery(pathWith(), baseQuery, 'zz=%00&zz=1'));

  // Body fields (one level into nested objects such as settings): each bad value on an otherwise valid body.
  if (hasBody) {
    const values = bodyValues(context.random);
    for (const [field, fieldSchema] of Object.entries(bodyFields)) {
      const nested = unwrap(fieldSchema)?.properties;
      const paths = nested ? [[field], ...Object.keys(nested).map((child) => [field, child])] : [[field]];
      for (const fieldPath of paths)
        for (const value of values)
          push(
            `body.${fieldPath.join('.')} ${value.label}`,
            withQuery(pathWith(), baseQuery),
            replaceField(baseBody, fieldPath, value.json),
          );
    }
    for (const c of BODY_CASES)
      push(`body ${c.label}`, withQuery(pathWith(), baseQuery), c.body, c.contentType);
  }
  return out;
}

/** The JSON text of `body` with the field at `path` replaced by raw JSON text (which may be `1e309`). */
function replaceField(body: Record<string, unknown>, path: string[], json: string): string {
  const marker = '__FUZZ_VALUE__';
  const copy = structuredClone(body);
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  target[path[path.length - 1] as string] = marker;
  return JSON.stringify(copy).replace(`"${marker}"`, json);
}

function unwrap(schema: JsonSchema | undefined): JsonSchema | undefined {
  const options = schema?.anyOf?.filter((o) => o.type !== 'null');
  return options?.length === 1 ? options[0] : schema;
}

function validValue(name: string, schema: JsonSchema | undefined, accountId: string): string {
  if (name === 'account') return accountId;
  if (name === 'channel') return 'de';
  const inner = unwrap(schema);
  if (inner?.enum?.length) return String(inner.enum[0]);
  if (typeof inner?.default === 'string' || typeof inner?.default === 'number') return String(inner.default);
  if (inner?.type === 'integer' || inner?.type === 'number') return String(inner.minimum ?? 1);
  if (inner?.format === 'uuid') return randomUUID();
  return 'x';
}

/** For routes without a known body: the required fields with plain values. */
function generatedBody(schema: JsonSchema | undefined, accountId: string): Record<string, unknown> {
  const object = unwrap(schema);
  const body: Record<string, unknown> = {};
  for (const name of object?.required ?? []) {
    const field = unwrap(object?.properties?.[name]);
    body[name] =
      field?.type === 'integer' || field?.type === 'number'
        ? (field.minimum ?? 1)
        : field?.type === 'boolean'
          ? true
          : field?.type === 'object'
            ? {}
            : field?.type === 'array'
              ? []
              : validValue(name, field, accountId);
  }
  return body;
}

async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}
