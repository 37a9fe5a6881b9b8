import { AppError, toAppError } from '../core/errors.ts';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printTable(rows: Record<string, string>[]): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(columns.map((c) => c.toUpperCase()))}\n`);
  for (const row of rows) process.stdout.write(`${line(columns.map((c) => row[c] ?? ''))}\n`);
}

/** Exit codes: 2 bad input, 3 configuration or credentials, 4 not found/conflict, 5 unreachable, 1 anything else. */
const EXIT_CODES: Record<AppError['kind'], number> = {
  input: 2,
  config: 3,
  rejected: 3,
  not_found: 4,
  conflict: 4,
  transient: 5,
  bug: 1,
};

export function failAndExit(error: unknown): never {
  const appError = toAppError(error);
  process.stderr.write(`Error: ${appError.message}\n`);
  for (const field of appError.fields ?? []) process.stderr.write(`  ${field.field}: ${field.message}\n`);
  if (appError.kind === 'bug' && process.env.LOG_LEVEL === 'debug')
    process.stderr.write(`${String(appError.cause)}\n`);
  process.exit(EXIT_CODES[appError.kind]);
}
