import type { OpenAPIV3_1 } from 'openapi-types';

/**
 * The API reference page at /api/docs, rendered on the server from AdlerDo's own OpenAPI document. Plain HTML
 * with one same-origin stylesheet: no script and no CDN, so it works offline and under `default-src 'self'`.
 */
/** The parts of a JSON Schema (draft 2020-12, as zod writes it) that the page shows. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  not?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  default?: unknown;
  description?: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function renderApiDocs(document: OpenAPIV3_1.Document): string {
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item?.[method];
      return operation ? [{ path, method, operation }] : [];
    }),
  );
  const tagOf = (o: (typeof operations)[number]) => o.operation.tags?.[0] ?? sectionOf(o.path);
  const tags = [...new Set(operations.map(tagOf))];
  const sections = tags.map((tag) => {
    const items = operations
      .filter((o) => tagOf(o) === tag)
      .map(({ path, method, operation }) => renderOperation(path, method, operation));
    return `<section><h2>${escape(tag)}</h2>${items.join('')}</section>`;
  });
  const info = document.info;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(info.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs.css"></head>
<body><main><h1>${escape(info.title)}</h1><p>${escape(info.description ?? '')}</p>
<p>The machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escape(document.openapi)}).
Errors answer <code>{"error":{"code","message","fields?"}}</code>: 400 invalid input (one message per field),
401 not signed in, 404 not found, 409 conflict, 413 body too large, 415 not JSON, 422 refused by the marketplace or ERP.</p>
${sections.join('\n')}</main></body></html>`;
}

/** Untagged routes are grouped by their first segment after /api: /api/auth/login → auth. */
function sectionOf(path: string): string {
  const segments = path.split('/').filter(Boolean);
  return (segments[0] === 'api' ? segments[1] : segments[0]) ?? 'other';
}

function renderOperation(path: string, method: string, operation: OpenAPIV3_1.OperationObject): string {
  const parameters = (operation.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
  const rows = parameters.map((p) =>
    fieldRow(`${p.in}: ${p.name}`, (p.schema ?? {}) as Schema, p.required === true),
  );
  const body = (operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.content?.[
    'application/json'
  ]?.schema;
  if (body) rows.push(...objectRows('body', body, 0));
  const table = rows.length
    ? `<table><thead><tr><th>field</th><th>type</th><th>required</th><th>rules</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : '<p class="none">No parameters.</p>';
  return `<article id="${escape(`${method}-${path}`)}"><h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
<p>${escape(operation.summary ?? '')}${operation.security?.length === 0 ? ' <span class="public">no sign-in needed</span>' : ''}</p>${table}</article>`;
}

/** A body's fields, nested objects (such as `settings`) flattened to dotted names. */
function objectRows(prefix: string, schema: Schema, depth: number): string[] {
  const object = unwrapOptional(schema);
  if (object.type !== 'object' || !object.properties || depth > 3) return [fieldRow(prefix, schema, true)];
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties).flatMap(([name, child]) => {
    const field = `${prefix}.${name}`;
    const inner = unwrapOptional(child);
    return inner.type === 'object' && inner.properties
      ? objectRows(field, inner, depth + 1)
      : [fieldRow(field, child, required.has(name))];
  });
}

function unwrapOptional(schema: Schema): Schema {
  const options = schema.anyOf ?? schema.oneOf;
  const real = options?.filter((o) => o.type !== 'null' && o.not === undefined);
  return real?.length === 1 && real[0] ? real[0] : schema;
}

function fieldRow(name: string, schema: Schema, required: boolean): string {
  return `<tr><td><code>${escape(name)}</code></td><td>${escape(typeOf(schema))}</td><td>${required ? 'yes' : ''}</td><td>${escape(rules(schema))}</td></tr>`;
}

function typeOf(schema: Schema): string {
  if (schema.$ref) return schema.$ref.split('/').pop() ?? 'object';
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return options.map(typeOf).join(' | ');
  if (schema.type === 'array') return `${typeOf(schema.items ?? {})}[]`;
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  return schema.format ? `${type} (${schema.format})` : type;
}

function rules(schema: Schema): string {
  const parts: string[] = [];
  if (schema.minLength !== undefined) parts.push(`min length ${schema.minLength}`);
  if (schema.maxLength !== undefined) parts.push(`max length ${schema.maxLength}`);
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  // A format (uuid, uri) says it better than the long pattern zod writes beside it.
  if (schema.pattern !== undefined && schema.format === undefined) parts.push(`matches ${schema.pattern}`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.description) parts.push(schema.description);
  return parts.join('; ');
}

function escape(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

export const API_DOCS_CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2329;background:#f6f7f9}
main{max-width:960px;margin:0 auto;padding:24px}h2{margin-top:40px;text-transform:capitalize}
article{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:12px 16px;margin:12px 0}
h3{margin:0;font-size:16px}.method{display:inline-block;min-width:64px;font-size:12px;font-weight:700;color:#fff;
border-radius:4px;padding:2px 6px;text-align:center;background:#5a6b7b}.get{background:#1f6feb}.post{background:#1a7f37}
.put,.patch{background:#9a6700}.delete{background:#cf222e}table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;border-top:1px solid #eef0f2;padding:4px 8px;vertical-align:top}.none{color:#5a6b7b}
code{font-family:ui-monospace,monospace}.public{font-size:12px;color:#1a7f37;border:1px solid #1a7f37;border-radius:4px;padding:0 4px}`;
