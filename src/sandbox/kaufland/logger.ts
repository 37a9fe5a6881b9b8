/** The part of pino the sandbox uses; a pino logger fits as is. */
export interface SandboxLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const ignore = (): void => {};

export const silentLogger: SandboxLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
