import type { Env, Rec } from './types.ts';
import { searchRecords } from '../orm/search.ts';
import type { Store } from '../store.ts';
import { automationInstalled } from './base-automation.ts';

interface ActiveRule {
  rule: Rec;
  model: string;
  triggerFields: string[];
  /** Per record id, the trigger fields' values before the call (JSON). */
  before: Map<number, string>;
}

export interface AutomationWatch {
  /** After the call committed: posts the webhooks of every rule whose records were created or changed. */
  fire(env: Env): void;
}

/**
 * Before a writing RPC call: remembers the trigger fields of every record an active `on_create_or_write` rule
 * watches. Undefined (nothing to do, nothing copied) while base_automation is not installed or has no rule,
 * which is every test and benchmark that does not ask for push.
 *
 * Real Odoo posts inside the call, synchronously, with a 1 s timeout, and only logs failures; the sandbox's
 * RPC handlers are synchronous, so it posts right after the call committed, without waiting, and ignores the
 * answer the same way. The body is Odoo's: keys sorted, `_action` ("<action name>(#<id>)"), `_id`, `_model`,
 * `id` and the chosen fields, many2one fields as bare ids.
 */
export function watchAutomations(db: Store): AutomationWatch | undefined {
  if (!automationInstalled(db)) return undefined;
  const rules: ActiveRule[] = [];
  for (const rule of db.all('base.automation')) {
    if (rule.active === false || rule.trigger !== 'on_create_or_write') continue;
    const model = db.get('ir.model', Number(rule.model_id))?.model;
    if (typeof model !== 'string') continue;
    const triggerFields = ids(rule.trigger_field_ids)
      .map((id) => db.get('ir.model.fields', id)?.name)
      .filter((name): name is string => typeof name === 'string');
    const before = new Map<number, string>();
    for (const rec of db.all(model)) before.set(rec.id, snapshot(rec, triggerFields));
    rules.push({ rule, model, triggerFields, before });
  }
  if (rules.length === 0) return undefined;
  return {
    fire(env) {
      for (const { rule, model, triggerFields, before } of rules) {
        try {
          fireRule(env, rule, model, triggerFields, before);
        } catch {
          // A rule Odoo could not evaluate (a broken filter) is skipped, as Odoo logs and goes on.
        }
      }
    },
  };
}

function fireRule(
  env: Env,
  rule: Rec,
  model: string,
  triggerFields: string[],
  before: Map<number, string>,
): void {
  const changed = env.db
    .all(model)
    .filter((rec) => before.get(rec.id) !== snapshot(rec, triggerFields))
    .map((rec) => rec.id);
  if (changed.length === 0) return;
  const matching = new Set(
    searchRecords(env.withContext({ active_test: false }), model, parseDomainText(rule.filter_domain)).map(
      (rec) => rec.id,
    ),
  );
  for (const id of changed.filter((x) => matching.has(x))) post(env, rule, model, id);
}

function post(env: Env, rule: Rec, model: string, id: number): void {
  const rec = env.db.get(model, id);
  if (!rec) return;
  const actions = env.db.all('ir.actions.server').filter((a) => Number(a.base_automation_id) === rule.id);
  for (const action of actions) {
    if (action.state !== 'webhook' || typeof action.webhook_url !== 'string') continue;
    const payload: Record<string, unknown> = {
      _action: `${String(action.name)}(#${action.id})`,
      _id: id,
      _model: model,
      id,
    };
    for (const fieldId of ids(action.webhook_field_ids)) {
      const name = env.db.get('ir.model.fields', fieldId)?.name;
      if (typeof name === 'string') payload[name] = bare(rec[name]);
    }
    const body = JSON.stringify(
      Object.fromEntries(Object.entries(payload).sort(([a], [b]) => a.localeCompare(b))),
    );
    void fetch(action.webhook_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'python-requests/2.28.1' },
      body,
      signal: AbortSignal.timeout(1_000),
    })
      .then((response) => response.arrayBuffer())
      .catch(() => undefined);
  }
}

/** A many2many as stored: a list of ids. */
function ids(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

function snapshot(rec: Rec, fields: readonly string[]): string {
  if (fields.length === 0) return JSON.stringify(rec);
  return JSON.stringify(fields.map((name) => rec[name] ?? null));
}

function bare(value: unknown): unknown {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' ? value[0] : value;
}

/** `[('state', '=', 'done')]` → the JSON domain the ORM takes; False or empty = every record. */
export function parseDomainText(text: unknown): unknown[] {
  if (typeof text !== 'string' || text.trim() === '' || text.trim() === 'False') return [];
  const json = text
    .replace(/\(/g, '[')
    .replace(/\)/g, ']')
    .replace(/'/g, '"')
    .replace(/\bTrue\b/g, 'true')
    .replace(/\bFalse\b/g, 'false')
    .replace(/\bNone\b/g, 'null');
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}
