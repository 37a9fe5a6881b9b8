import { userError } from '../errors.ts';
import type { Store } from '../store.ts';
import {
  baseFields,
  boolean,
  char,
  integer,
  m2m,
  m2o,
  o2m,
  selection,
  text,
  type ModelDef,
  type Rec,
} from './types.ts';

/**
 * Automation rules with webhook actions (Odoo 17's base_automation + the `webhook` server action of base;
 * reference/odoo/NOTES.md and the recording's section 7), as far as AdlerDo installs them: rules
 * `on_create_or_write` with trigger fields and a filter domain, each with one action posting chosen fields.
 * base_automation ships uninstalled, as on a fresh Odoo: `button_immediate_install` installs it (an admin's
 * click or RPC); until then no rule can be created and nothing is posted. Firing: base-automation-webhooks.ts.
 */
const MODULE = 'base_automation';

export function automationInstalled(db: Store): boolean {
  return db.all('ir.module.module').some((m) => m.name === MODULE && m.state === 'installed');
}

const setModuleState =
  (state: 'installed' | 'uninstalled') =>
  (env: { db: Store }, ids: number[]): unknown => {
    for (const id of ids) {
      const module = env.db.get('ir.module.module', id);
      if (module) module.state = state;
    }
    return { type: 'ir.actions.act_url', target: 'self', url: '/web' };
  };

export const irModuleModule: ModelDef = {
  name: 'ir.module.module',
  description: 'Module',
  order: 'name',
  fields: {
    ...baseFields(),
    name: char('Technical Name', { readonly: true }),
    shortdesc: char('Module Name', { readonly: true }),
    state: selection(
      'Status',
      [
        ['uninstallable', 'Uninstallable'],
        ['uninstalled', 'Not Installed'],
        ['installed', 'Installed'],
        ['to upgrade', 'To be upgraded'],
        ['to remove', 'To be removed'],
        ['to install', 'To be installed'],
      ],
      { readonly: true },
    ),
  },
  methods: {
    button_immediate_install: { params: [], run: (env, ids) => setModuleState('installed')(env, ids) },
    button_immediate_uninstall: {
      params: [],
      run: (env, ids) => {
        // Uninstalling the app takes its rules and their actions with it.
        for (const rule of env.db.all('base.automation')) env.db.remove('base.automation', rule.id);
        for (const action of env.db.all('ir.actions.server'))
          if (action.usage === 'base_automation') env.db.remove('ir.actions.server', action.id);
        return setModuleState('uninstalled')(env, ids);
      },
    },
  },
};

export const irModel: ModelDef = {
  name: 'ir.model',
  description: 'Models',
  order: 'model',
  fields: { ...baseFields(), model: char('Model', { readonly: true }), name: char('Model Description') },
};

export const irModelFields: ModelDef = {
  name: 'ir.model.fields',
  description: 'Fields',
  order: 'name',
  fields: {
    ...baseFields(),
    name: char('Field Name', { readonly: true }),
    model: char('Model Name', { readonly: true }),
    model_id: m2o('ir.model', 'Model', { readonly: true }),
    ttype: char('Field Type', { readonly: true }),
  },
};

export const irActionsServer: ModelDef = {
  name: 'ir.actions.server',
  description: 'Server Actions',
  order: 'sequence, name',
  fields: {
    ...baseFields(),
    name: char('Action Name'),
    sequence: integer('Sequence', { default: () => 5 }),
    model_id: m2o('ir.model', 'Model', { required: true }),
    state: selection('Type', [
      ['object_write', 'Update Record'],
      ['code', 'Execute Code'],
      ['webhook', 'Send Webhook Notification'],
    ]),
    usage: selection('Usage', [
      ['ir_actions_server', 'Server Action'],
      ['base_automation', 'Automation Rule'],
    ]),
    webhook_url: char('Webhook URL'),
    webhook_field_ids: m2m('ir.model.fields', 'Webhook Fields'),
    base_automation_id: m2o('base.automation', 'Automation Rule'),
  },
  // Linked to a rule, an action gets Odoo's automatic name (recorded: the name given at create is replaced).
  afterCreate: (_env, rec) => {
    if (rec.base_automation_id) {
      rec.usage = 'base_automation';
      if (rec.state === 'webhook') rec.name = 'Send Webhook Notification';
    } else rec.usage ??= 'ir_actions_server';
  },
};

export const baseAutomation: ModelDef = {
  name: 'base.automation',
  description: 'Automation Rule',
  order: 'sequence, id',
  fields: {
    ...baseFields(),
    name: char('Automation Rule Name', { required: true }),
    sequence: integer('Sequence', { default: () => 10 }),
    active: boolean('Active', { default: () => true }),
    model_id: m2o('ir.model', 'Model', { required: true }),
    trigger: selection('Trigger', [
      ['on_create', 'On Creation'],
      ['on_write', 'On Update'],
      ['on_create_or_write', 'On Creation & Update'],
      ['on_unlink', 'On Deletion'],
    ]),
    filter_domain: text('Apply on'),
    trigger_field_ids: m2m('ir.model.fields', 'Trigger Fields'),
    action_server_ids: o2m('ir.actions.server', 'base_automation_id', 'Actions'),
  },
  beforeCreate: (env, vals) => {
    if (!automationInstalled(env.db)) throw userError("Object base.automation doesn't exist");
    return vals;
  },
};

export const AUTOMATION_MODELS: ModelDef[] = [
  irModuleModule,
  irModel,
  irModelFields,
  irActionsServer,
  baseAutomation,
];

/** The apps and the model registry as Odoo lists them: every model and field of this sandbox. */
export function seedAutomation(db: Store, now: string): void {
  const stamp = { create_date: now, write_date: now };
  db.insert('ir.module.module', {
    ...stamp,
    name: MODULE,
    shortdesc: 'Automation Rules',
    state: 'uninstalled',
  });
  for (const model of db.models.values()) {
    const row: Rec = db.insert('ir.model', { ...stamp, model: model.name, name: model.description });
    for (const [name, field] of Object.entries(model.fields))
      db.insert('ir.model.fields', {
        ...stamp,
        name,
        model: model.name,
        model_id: row.id,
        ttype: field.type,
      });
  }
}
