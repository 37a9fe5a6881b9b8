import { STEPS, type OrderState, type RunStatus, type Step, type Trigger } from '../dashboard-types.ts';
import { i18n } from '../i18n/index.ts';

/** The names sellers know the systems by; unknown types are shown as they are. */
const SYSTEM_NAMES: Record<string, string> = { kaufland: 'Kaufland', odoo: 'Odoo' };

export function systemName(type: string | undefined, fallback: string): string {
  return (type && SYSTEM_NAMES[type]) ?? fallback;
}

/*
 * The words come from the `labels` catalogue when read (getters), so every table below speaks the language on
 * screen without its users changing: `RUN_STATUS[status].label` is "Failed" or "Fehlgeschlagen".
 */
const say = (key: string, fallback?: string) => i18n.t(key, { ns: 'labels', defaultValue: fallback });

function table<K extends string, V>(keys: readonly K[], entry: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((key) => [key, entry(key)])) as Record<K, V>;
}

export const STEP_LABELS: Record<Step, { readonly name: string; readonly what: string }> = table(
  STEPS,
  (step) => ({
    get name() {
      return say(`step.${step}.name`, step);
    },
    get what() {
      return say(`step.${step}.what`, '');
    },
  }),
);

export function stepName(step: string): string {
  return STEP_LABELS[step as Step]?.name ?? step;
}

export type Tone = 'ok' | 'info' | 'warn' | 'bad' | 'neutral';

const labelled = <K extends string>(group: string, tones: Record<K, Tone>) =>
  table(Object.keys(tones) as K[], (key) => ({
    tone: tones[key],
    get label() {
      return say(`${group}.${key}`);
    },
  }));

export const RUN_STATUS: Record<RunStatus, { readonly label: string; tone: Tone }> = labelled('runStatus', {
  running: 'info',
  succeeded: 'ok',
  failed: 'bad',
  paused: 'warn',
  skipped: 'neutral',
});

// Every trigger listed (a new one fails the type check here instead of showing nothing).
const TRIGGERS = Object.keys({
  schedule: 1,
  manual: 1,
  cli: 1,
  retry: 1,
  push: 1,
} satisfies Record<Trigger, 1>) as Trigger[];

export const TRIGGER_LABELS: Readonly<Record<Trigger, string>> = Object.defineProperties(
  {} as Record<Trigger, string>,
  Object.fromEntries(
    TRIGGERS.map((trigger) => [trigger, { enumerable: true, get: () => say(`trigger.${trigger}`) }]),
  ),
);

export const ORDER_STATES: Record<OrderState, { readonly label: string; tone: Tone }> = labelled(
  'orderState',
  {
    open: 'neutral',
    received: 'neutral',
    held: 'warn',
    in_erp: 'info',
    shipped: 'ok',
    cancelled: 'neutral',
  },
);
