import { OdooInstance } from './instance.ts';
import type { SandboxVersion } from './models/types.ts';

/** An in-process Odoo sandbox for unit tests: fixed credentials, a clock stopped at 2024-05-01 10:00 UTC. */
export function testInstance(version: SandboxVersion = 17): OdooInstance {
  const now = new Date('2024-05-01T10:00:00Z');
  return new OdooInstance({
    version,
    database: 'odoo',
    listedDatabases: ['odoo'],
    login: 'admin',
    password: 'admin',
    apiKey: 'key',
    now: () => now,
  });
}
