import { AppError } from '../../core/errors.ts';

/**
 * An exception as the real Odoo raises it: the Python class name (`error.data.name`) and its message.
 * The RPC layers turn it into Odoo's wire shapes; nothing else in the sandbox formats errors.
 */
export class OdooFault extends AppError {
  readonly pyName: string;
  /** JSON-2 answers with an HTTP status per exception class. */
  readonly status: number;

  constructor(pyName: string, message: string, status = 200) {
    super('rejected', 'sandbox.odoo_fault', message);
    this.pyName = pyName;
    this.status = status;
  }
}

export const userError = (message: string): OdooFault => new OdooFault('odoo.exceptions.UserError', message);
export const validationError = (message: string): OdooFault =>
  new OdooFault('odoo.exceptions.ValidationError', message);
export const valueError = (message: string): OdooFault => new OdooFault('builtins.ValueError', message);
export const accessError = (message: string): OdooFault =>
  new OdooFault('odoo.exceptions.AccessError', message);
export const accessDenied = (): OdooFault => new OdooFault('odoo.exceptions.AccessDenied', 'Access Denied');
export const attributeError = (message: string): OdooFault =>
  new OdooFault('builtins.AttributeError', message);
export const typeError = (message: string): OdooFault => new OdooFault('builtins.TypeError', message);

export function missingError(model: string, ids: readonly number[], uid: number): OdooFault {
  const record = `${model}(${ids.map((id) => `${id},`).join(' ')})`;
  return new OdooFault(
    'odoo.exceptions.MissingError',
    `Record does not exist or has been deleted.\n(Record: ${record}, User: ${uid})`,
  );
}

export function unknownDatabase(db: string): OdooFault {
  // Word for word what Odoo 17 answered in the recording (its PostgreSQL listened on 5433).
  return new OdooFault(
    'psycopg2.OperationalError',
    `connection to server at "127.0.0.1", port 5433 failed: FATAL:  database "${db}" does not exist\n`,
  );
}

/** Python's repr() for the JSON values that appear in domains and error messages. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    const body = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
    return quote + (quote === "'" ? body.replace(/'/g, "\\'") : body) + quote;
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`,
  );
  return `{${entries.join(', ')}}`;
}

/** Only the last lines of a traceback, like the recording keeps them. */
export function debugText(fault: OdooFault): string {
  const short = fault.pyName.split('.').at(-1) ?? fault.pyName;
  return `Traceback (most recent call last):\n  (sandbox)\n${fault.pyName.startsWith('builtins.') ? short : fault.pyName}: ${fault.message}\n`;
}
