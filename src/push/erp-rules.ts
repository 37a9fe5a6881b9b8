import type { AppContext } from '../app-context.ts';
import { erpPush } from '../connectors/push-registry.ts';
import { readCodedMessage, type CodedMessage } from '../core/coded-message.ts';
import { toAppError } from '../core/errors.ts';
import { callbackUrl, erpEndpoint, setEndpointState, type PushEndpoint } from './endpoints.ts';
import { pushDb } from './push-tables.ts';

/** How the rules are named in the ERP, so its users see who made them. */
const RULE_LABEL = 'AdlerDo';

export interface ErpPushView {
  /** Whether the seller agreed that AdlerDo installs automation rules in the ERP. */
  consent: boolean;
  state: PushEndpoint['state'];
  /** What the state means for the seller (why it polls, what to do): code, values, sentence. */
  note: CodedMessage | null;
  /** The note's English sentence, kept for API clients and the CLI. */
  message: string | null;
  publicUrlSet: boolean;
  rules: number;
  checkedAt: string | null;
  lastReceivedAt: string | null;
}

/** The ERP page's push line; undefined without an ERP connection. */
export async function erpPushView(app: AppContext): Promise<ErpPushView | undefined> {
  const target = await app.erp.pushTarget();
  if (!target) return undefined;
  const endpoint = await erpEndpoint(app.db, target.id);
  const note = readCodedMessage(endpoint.state_note) ?? defaultNote(app, endpoint);
  return {
    consent: endpoint.consent,
    state: endpoint.state,
    note,
    message: note?.message ?? null,
    publicUrlSet: app.config.ADLERDO_PUBLIC_URL !== undefined,
    rules: endpoint.remote_ids.length,
    checkedAt: endpoint.checked_at?.toISOString() ?? null,
    lastReceivedAt: endpoint.last_received_at?.toISOString() ?? null,
  };
}

function defaultNote(app: AppContext, endpoint: PushEndpoint): CodedMessage | null {
  if (!app.config.ADLERDO_PUBLIC_URL) return PUBLIC_URL_NEEDED;
  if (!endpoint.consent) return PUSH_OFF;
  return null;
}

const PUBLIC_URL_NEEDED: CodedMessage = {
  code: 'push.erp_public_url_needed',
  values: {},
  message:
    'Set ADLERDO_PUBLIC_URL (the https address where Odoo can reach AdlerDo) to have stock, deliveries and cancellations arrive within seconds instead of by polling.',
};

const PUSH_OFF: CodedMessage = {
  code: 'push.erp_off',
  values: {},
  message: 'Push is off: stock, deliveries and cancellations are polled.',
};

const ERP_POLLED: CodedMessage = {
  code: 'push.erp_polled',
  values: {},
  message: 'This ERP cannot call AdlerDo; it is polled.',
};

/** The seller's consent from the ERP page or the CLI; installs or removes the rules at once. */
export async function setErpPushConsent(app: AppContext, consent: boolean): Promise<ErpPushView | undefined> {
  const target = await app.erp.pushTarget();
  if (!target) return undefined;
  await erpEndpoint(app.db, target.id);
  await pushDb(app.db)
    .updateTable('push_endpoints')
    .set({ consent })
    .where('erp_connection_id', '=', target.id)
    .execute();
  await keepErpPush(app);
  return erpPushView(app);
}

/**
 * Brings the ERP's automation rules in step: installed (once) with consent, a public URL and an ERP that can
 * call back; re-installed when someone deleted or archived one; removed without consent. Never throws: a
 * failure is recorded on the ERP's push state and polling goes on.
 */
export async function keepErpPush(app: AppContext): Promise<void> {
  const target = await app.erp.pushTarget();
  const connector = target && erpPush(target.type);
  if (!target) return;
  const endpoint = await erpEndpoint(app.db, target.id);
  try {
    const publicUrl = app.config.ADLERDO_PUBLIC_URL;
    if (!connector || !endpoint.consent || !publicUrl) {
      if (connector && endpoint.remote_ids.length > 0)
        await connector.remove(target.credentials, endpoint.remote_ids);
      const why = !connector ? ERP_POLLED : !publicUrl ? PUBLIC_URL_NEEDED : PUSH_OFF;
      await setEndpointState(app.db, endpoint.token, 'off', why, []);
      return;
    }
    const availability = await connector.availability(target.credentials);
    if (!availability.available) {
      await setEndpointState(app.db, endpoint.token, 'unavailable', availability.reason, endpoint.remote_ids);
      return;
    }
    if (
      endpoint.remote_ids.length > 0 &&
      (await connector.installed(target.credentials, endpoint.remote_ids))
    ) {
      await setEndpointState(app.db, endpoint.token, 'active', null);
      return;
    }
    // Some rule is gone or archived: start again from a clean set, so no rule ever posts twice.
    await connector.remove(target.credentials, endpoint.remote_ids);
    const ids = await connector.install(
      target.credentials,
      callbackUrl(publicUrl, endpoint, 'erp'),
      RULE_LABEL,
    );
    await setEndpointState(app.db, endpoint.token, 'active', null, ids);
  } catch (thrown) {
    const error = toAppError(thrown);
    app.logger.warn({ code: error.code }, `ERP push rules not in step: ${error.message}`);
    await setEndpointState(app.db, endpoint.token, 'failed', {
      code: 'push.erp_rules_failed',
      // The cause by its own code, so the web app can say it too; its English words for when it cannot.
      values: { cause: error.code, detail: error.message },
      message: `${error.message} The ERP is polled meanwhile.`,
    });
  }
}

/** Before the ERP connection goes: its rules go too (best effort; the token dies with the connection anyway). */
export async function removeErpPush(app: AppContext): Promise<void> {
  const target = await app.erp.pushTarget();
  const connector = target && erpPush(target.type);
  if (!target || !connector) return;
  const endpoint = await pushDb(app.db)
    .selectFrom('push_endpoints')
    .select('remote_ids')
    .where('erp_connection_id', '=', target.id)
    .executeTakeFirst();
  if (!endpoint || endpoint.remote_ids.length === 0) return;
  try {
    await connector.remove(target.credentials, endpoint.remote_ids);
  } catch (thrown) {
    const error = toAppError(thrown);
    app.logger.warn({ code: error.code }, `ERP push rules could not be removed: ${error.message}`);
  }
}
