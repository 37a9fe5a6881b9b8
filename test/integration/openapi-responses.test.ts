import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient, startTestApp, type TestApp } from '../helpers/app.ts';

/**
 * Every /api route says in /api/openapi.json what it answers on success, so the document describes the answers
 * and the serializer holds them to that shape. Routes that send a file, CSV or picture have no JSON answer to
 * describe: they are listed here by name, with what they send (the HTML API reference is not in the document).
 */
const NOT_JSON: Record<string, string> = {
  'GET /api/sku-check.csv': 'the SKU check as a CSV file',
  'GET /api/product-pictures/{file}': 'a product picture (image bytes)',
  'GET /api/feeds/{token}': 'a file of new offers for the marketplace to download',
};

/**
 * Property names that would carry a secret. Allowed: a boolean saying whether it is set (`passwordSet`), a value
 * described as masked (the ERP key's last four characters), or a time (`credentialsUpdatedAt`).
 */
const SECRET_NAME = /secret|password|api.?key|token|private|credential/i;

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> };

describe('the OpenAPI document describes every /api answer, and no answer has a secret', () => {
  let app: TestApp;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    app = await startTestApp();
    const api = await signedInClient(app);
    const answer = await api('GET', '/api/openapi.json');
    expect(answer.status).toBe(200);
    doc = answer.json as OpenApiDocument;
  });
  afterAll(() => app?.close());

  const operations = () =>
    Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, methods]) =>
        Object.entries(methods)
          .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
      );

  it('gives each JSON route a 2xx answer schema (204: no body), and lists the others by name', () => {
    const missing = operations()
      .filter(({ name }) => !(name in NOT_JSON))
      .filter(({ operation }) => {
        const success = Object.entries(operation.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
        return !success.some(
          ([code, response]) =>
            code === '204' || response.content?.['application/json']?.schema !== undefined,
        );
      })
      .map(({ name }) => name);
    expect(missing).toEqual([]);
    // A listed route that is gone (or renamed) is taken off the list.
    const names = new Set(operations().map(({ name }) => name));
    expect(Object.keys(NOT_JSON).filter((name) => !names.has(name))).toEqual([]);
    expect(operations().length).toBeGreaterThan(50);
  });

  it('has no answer field that could hold a secret: such names are booleans ("…Set") or masked', () => {
    const found: string[] = [];
    const seen = new Set<JsonSchema>();
    const walk = (schema: JsonSchema | boolean | undefined, path: string): void => {
      if (!schema || typeof schema === 'boolean' || seen.has(schema)) return;
      seen.add(schema);
      if (schema.$ref) walk(doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''], path);
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const allowed =
          property.type === 'boolean' ||
          property.description?.startsWith('Masked') === true ||
          (/At$/.test(name) && property.type === 'string');
        if (SECRET_NAME.test(name) && !allowed) found.push(`${path}.${name}`);
        walk(property, `${path}.${name}`);
      }
      walk(schema.items, `${path}[]`);
      walk(schema.additionalProperties, `${path}{}`);
      for (const part of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
        walk(part, path);
    };
    for (const { name, operation } of operations())
      for (const [code, response] of Object.entries(operation.responses ?? {}))
        walk(response.content?.['application/json']?.schema, `${name} ${code}`);
    expect(found).toEqual([]);
  });
});
