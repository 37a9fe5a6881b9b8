import { randomBytes } from 'node:crypto';
import { startOdooSandbox, type OdooSandbox, type SandboxVersion } from '../../src/sandbox/odoo/index.ts';

/** A new key shaped like Odoo's (40 hex characters): distinctive enough to search every output for. */
export function newOdooKey(): string {
  return randomBytes(20).toString('hex');
}

/** The Odoo sandbox over real HTTP with a key of its own, so a test can prove that key never leaks. */
export function startOdoo(version: SandboxVersion = 17): Promise<OdooSandbox> {
  return startOdooSandbox({ port: 0, version, apiKey: newOdooKey() });
}

function user(sandbox: OdooSandbox, login: string) {
  const found = sandbox.instance.store.all('res.users').find((u) => u.login === login);
  if (!found) throw new Error(`sandbox has no user ${login}`);
  return found;
}

/** What a user does in Odoo under Preferences → Account Security: delete the key in use, create a new one. */
export function replaceOdooKey(sandbox: OdooSandbox): string {
  const key = newOdooKey();
  user(sandbox, sandbox.login).api_keys = [key];
  return key;
}

/** An Odoo user with only "Internal User" rights: Odoo refuses it warehouses, stock and sales orders. */
export function addUserWithoutStockRights(sandbox: OdooSandbox, login: string): string {
  const key = newOdooKey();
  const internalUser = sandbox.instance.store
    .all('res.groups')
    .find((g) => g.full_name === 'User types/Internal User');
  sandbox.instance.store.insert('res.users', {
    name: login,
    login,
    password: newOdooKey(),
    api_keys: [key],
    partner_id: 3,
    active: true,
    groups_id: internalUser ? [internalUser.id] : [],
  });
  return key;
}
