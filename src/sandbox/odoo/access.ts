import { accessError } from './errors.ts';
import type { Env } from './models/types.ts';

export type Operation = 'read' | 'write' | 'create' | 'unlink';

const INTERNAL = 'User types/Internal User';
const STOCK = ['Inventory/Administrator', 'Inventory/User'];
const SALES = ['Sales/Administrator', 'Sales/User: Own Documents Only'];
const SETTINGS = 'Administration/Settings';

/**
 * Which groups may do what, for the models a limited API user is likely to be refused. The lists are Odoo 17's
 * (the two recorded ones word for word); anything not listed is open to internal users.
 */
const RULES: Record<string, Partial<Record<Operation, string[]>>> = {
  'stock.picking': {
    read: [
      ...STOCK,
      'Invoicing/Billing',
      ...SALES,
      'Technical/Show Accounting Features - Readonly',
      'User types/Portal',
    ],
    write: [...STOCK, ...SALES],
    create: [...STOCK, ...SALES],
  },
  'product.product': {
    create: [SETTINGS, 'Inventory/Administrator', 'Invoicing/Billing Administrator', 'Sales/Administrator'],
    write: [SETTINGS, 'Inventory/Administrator', 'Invoicing/Billing Administrator', 'Sales/Administrator'],
  },
  'stock.quant': { read: [...STOCK, ...SALES], write: STOCK, create: STOCK },
  'stock.move': { read: [...STOCK, ...SALES], write: STOCK, create: STOCK },
  'stock.move.line': { read: [...STOCK, ...SALES], write: STOCK, create: STOCK },
  'stock.warehouse': {
    read: [...STOCK, ...SALES],
    write: ['Inventory/Administrator'],
    create: ['Inventory/Administrator'],
  },
  'delivery.carrier': {
    read: [...STOCK, ...SALES],
    write: ['Inventory/Administrator', 'Sales/Administrator'],
  },
  'sale.order': { read: SALES, write: SALES, create: SALES },
  'sale.order.line': { read: SALES, write: SALES, create: SALES },
  'res.users': { create: [SETTINGS], write: [SETTINGS] },
  // Not recorded; the groups 17.0's sale and account modules grant (sales and billing users only read them).
  'product.pricelist': { create: ['Sales/Administrator'], write: ['Sales/Administrator'] },
  'account.tax': {
    create: ['Invoicing/Billing Administrator'],
    write: ['Invoicing/Billing Administrator'],
  },
};

const VERB: Record<Operation, string> = {
  read: 'access',
  write: 'modify',
  create: 'create',
  unlink: 'delete',
};

export function userGroups(env: Env, uid: number): Set<string> {
  const user = env.db.get('res.users', uid);
  const ids = Array.isArray(user?.groups_id) ? (user.groups_id as number[]) : [];
  return new Set(
    ids
      .map((id) => env.db.get('res.groups', id)?.full_name)
      .filter((n): n is string => typeof n === 'string'),
  );
}

export function checkAccess(env: Env, model: string, operation: Operation): void {
  if (env.uid === 1) return;
  const groups = userGroups(env, env.uid);
  if (groups.has(SETTINGS)) return;
  const allowed = RULES[model]?.[operation] ?? [INTERNAL];
  if (allowed.some((group) => groups.has(group))) return;
  const description = env.db.models.get(model)?.description ?? model;
  throw accessError(
    `You are not allowed to ${VERB[operation]} '${description}' (${model}) records.\n\n` +
      `This operation is allowed for the following groups:\n${allowed.map((g) => `\t- ${g}`).join('\n')}\n\n` +
      'Contact your administrator to request access if necessary.',
  );
}
