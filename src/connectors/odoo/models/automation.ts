import { z } from 'zod';
import type { OdooClient } from '../odoo.client.ts';

/**
 * Automation rules that make Odoo call the hub (issue 13; reference/odoo/NOTES.md, recording section 7): one
 * `base.automation` per kind of change, trigger `on_create_or_write` on the fields that matter, with a server
 * action of type `webhook` posting to the hub's callback URL. Odoo posts synchronously inside the change's own
 * request, with a 1 s timeout, and only logs failures: the hub answers at once and keeps polling as the net.
 */
export interface RuleSpec {
  model: string;
  /** The hub's words for what the rule reports (its name in Odoo). */
  what: string;
  triggerFields: string[];
  /** Odoo's domain as Python text, the way base.automation stores it. */
  filterDomain: string | false;
  webhookFields: string[];
}

export const RULES: readonly RuleSpec[] = [
  {
    model: 'stock.quant',
    what: 'stock changed',
    triggerFields: ['quantity', 'reserved_quantity'],
    filterDomain: false,
    webhookFields: ['product_id', 'location_id'],
  },
  {
    model: 'stock.picking',
    what: 'delivery done',
    triggerFields: ['state'],
    filterDomain: "[('state', '=', 'done')]",
    webhookFields: ['state'],
  },
  {
    model: 'sale.order',
    what: 'sale order cancelled',
    triggerFields: ['state'],
    filterDomain: "[('state', '=', 'cancel')]",
    webhookFields: ['state'],
  },
];

const moduleSchema = z.looseObject({ id: z.number(), state: z.string() });
const modelSchema = z.looseObject({ id: z.number(), model: z.string() });
const fieldSchema = z.looseObject({ id: z.number(), name: z.string(), model: z.string() });
const ruleSchema = z.looseObject({ id: z.number(), active: z.boolean() });

/** Whether the Automation Rules app (base_automation) is installed. */
export async function automationInstalled(client: OdooClient): Promise<boolean> {
  const rows = await client.searchRead(
    'ir.module.module',
    { domain: [['name', '=', 'base_automation']], fields: ['state'] },
    moduleSchema,
  );
  return rows.some((row) => row.state === 'installed');
}

/** Creates the rules; returns their ids. */
export async function installRules(client: OdooClient, webhookUrl: string, label: string): Promise<number[]> {
  const models = [...new Set(RULES.map((rule) => rule.model))];
  const modelIds = new Map(
    (
      await client.searchRead(
        'ir.model',
        { domain: [['model', 'in', models]], fields: ['model'] },
        modelSchema,
      )
    ).map((row) => [row.model, row.id]),
  );
  const names = [...new Set(RULES.flatMap((rule) => [...rule.triggerFields, ...rule.webhookFields]))];
  const fields = await client.searchRead(
    'ir.model.fields',
    {
      domain: [
        ['model', 'in', models],
        ['name', 'in', names],
      ],
      fields: ['name', 'model'],
    },
    fieldSchema,
  );
  const fieldIds = (model: string, wanted: string[]) =>
    fields.filter((field) => field.model === model && wanted.includes(field.name)).map((field) => field.id);
  const ids: number[] = [];
  for (const rule of RULES) {
    const modelId = modelIds.get(rule.model);
    if (modelId === undefined) continue; // e.g. no Inventory app: nothing of that kind to report
    ids.push(
      await client.create('base.automation', {
        name: `${label}: ${rule.what}`,
        model_id: modelId,
        trigger: 'on_create_or_write',
        filter_domain: rule.filterDomain,
        trigger_field_ids: [[6, 0, fieldIds(rule.model, rule.triggerFields)]],
        action_server_ids: [
          [
            0,
            0,
            {
              name: `${label}: ${rule.what}`,
              model_id: modelId,
              state: 'webhook',
              webhook_url: webhookUrl,
              webhook_field_ids: [[6, 0, fieldIds(rule.model, rule.webhookFields)]],
            },
          ],
        ],
      }),
    );
  }
  return ids;
}

/** True when every rule is still there and active (a user may have archived or deleted one in Odoo). */
export async function rulesActive(client: OdooClient, ids: readonly number[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const rows = await client.searchRead(
    'base.automation',
    { domain: [['id', 'in', [...ids]]], fields: ['active'], context: { active_test: false } },
    ruleSchema,
  );
  return rows.length === ids.length && rows.every((row) => row.active);
}

/** Deletes the rules (their webhook actions go with them); ids already gone are skipped. */
export async function removeRules(client: OdooClient, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await client.searchRead(
    'base.automation',
    { domain: [['id', 'in', [...ids]]], fields: ['active'], context: { active_test: false } },
    ruleSchema,
  );
  if (rows.length > 0)
    await client.call(
      'base.automation',
      'unlink',
      rows.map((row) => row.id),
    );
}
