import type { z } from 'zod';
import { badResponse } from './kaufland.errors.ts';
import type { KauflandCall, KauflandTransport, RawResponse } from './kaufland.transport.ts';

/** What resources use: a call plus the zod schema its answer must satisfy. */
export interface KauflandApi {
  /** The answer must be JSON matching `schema`. */
  json<S extends z.ZodType>(call: KauflandCall, schema: S): Promise<z.output<S>>;
  /** The answer may be empty (204, or 200/201 with only a `Location` header); a non-empty body must match. */
  jsonOrEmpty<S extends z.ZodType>(
    call: KauflandCall,
    schema: S,
  ): Promise<{ data: z.output<S> | undefined; location: string | undefined }>;
  /** The answer's body, if any, is ignored (204 for send/cancel/fulfil). */
  noContent(call: KauflandCall): Promise<void>;
}

export function createKauflandApi(transport: KauflandTransport): KauflandApi {
  return {
    async json(call, schema) {
      const response = await transport.send(call);
      if (response.text.trim() === '')
        throw badResponse(describe(call), `an empty body (HTTP ${response.status})`);
      return parse(response, schema, call);
    },
    async jsonOrEmpty(call, schema) {
      const response = await transport.send(call);
      const data = response.text.trim() === '' ? undefined : parse(response, schema, call);
      return { data, location: response.location };
    },
    async noContent(call) {
      await transport.send(call);
    },
  };
}

function parse<S extends z.ZodType>(response: RawResponse, schema: S, call: KauflandCall): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch (cause) {
    throw badResponse(describe(call), `a body that is not JSON (HTTP ${response.status})`, cause);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    // Paths and messages only: the body may hold buyer addresses, which do not belong in error details.
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw badResponse(describe(call), 'a body that does not match the Seller API 2.27.0 spec', parsed.error, {
      issues,
    });
  }
  return parsed.data;
}

function describe(call: KauflandCall): { method: string; endpoint: string } {
  return { method: call.method, endpoint: call.path };
}
