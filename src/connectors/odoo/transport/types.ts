/** One interface for Odoo's two external APIs: JSON-RPC (/jsonrpc, Odoo 8–19) and JSON-2 (/json/2, Odoo 19+). */
export type TransportKind = 'jsonrpc' | 'json2';

export interface OdooServerVersion {
  serverVersion: string;
  major: number;
  minor: number;
}

export interface ExecuteOptions {
  /** Record ids for record methods (read, write, action_confirm…); omitted for model methods. */
  ids?: number[];
  /** Positional arguments after the ids (create's vals_list, write's vals). */
  args?: unknown[];
  /** Named arguments, including `context`. */
  kwargs?: Record<string, unknown>;
}

export interface OdooTransport {
  readonly kind: TransportKind;
  /** Signs in (once; the uid is kept) and returns the user id. */
  authenticate(): Promise<number>;
  execute(model: string, method: string, options?: ExecuteOptions): Promise<unknown>;
}

/** Methods that change nothing: safe to repeat after a timeout or a 5xx. */
export const READ_METHODS = new Set([
  'search',
  'search_read',
  'read',
  'search_count',
  'fields_get',
  'name_search',
  'context_get',
  'read_group',
]);
