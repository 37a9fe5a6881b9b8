/** The one way the web app talks to the server: JSON in, JSON out, errors as ApiError. */

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

let onSignedOut: (() => void) | undefined;

/** App.tsx registers this: any "sign in first" answer sends the user back to the login page. */
export function setSignedOutHandler(handler: (() => void) | undefined): void {
  onSignedOut = handler;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      'network',
      'AdlerDo could not be reached. Check that it is running, then try again.',
    );
  }
  const payload = await readJson(response);
  if (response.ok) return payload as T;
  const error = toApiError(response.status, payload);
  // auth.invalid is the login form's own "wrong password", not a lost session.
  if (response.status === 401 && error.code !== 'auth.invalid') onSignedOut?.();
  throw error;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | undefined)
    ?.error;
  const code = typeof error?.code === 'string' ? error.code : `http.${status}`;
  const message =
    typeof error?.message === 'string'
      ? error.message
      : `The server answered with an unexpected error (HTTP ${status}).`;
  const fields = Array.isArray(error?.fields) ? error.fields.filter(isFieldError) : [];
  return new ApiError(status, code, message, fields);
}

function isFieldError(value: unknown): value is FieldError {
  const candidate = value as Partial<FieldError> | null;
  return typeof candidate?.field === 'string' && typeof candidate.message === 'string';
}
