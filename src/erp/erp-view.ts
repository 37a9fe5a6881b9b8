import type { Selectable } from 'kysely';
import type { ErpConnectionsTable } from '../store/schema.ts';
import { mask } from '../secrets/secret-box.ts';
import { explainTransport, type TransportNote } from '../connectors/odoo/transport/explain.ts';
import { readErpSettings, type ErpSettings } from './erp-settings.ts';

/** What the API, UI and CLI show of the ERP connection. The key is only ever shown masked. */
export interface ErpView {
  id: string;
  type: string;
  url: string;
  database: string;
  login: string;
  apiKey: string;
  transport: string;
  serverVersion: string | null;
  detectedTransport: string | null;
  /** Which API is used and why (automatic or forced), with a warning when that API is on its way out. */
  transportNote: TransportNote | null;
  status: ErpConnectionsTable['status']['__select__'];
  statusMessage: string | null;
  warehouses: { id: string; code: string; name: string }[];
  carriers: { id: string; name: string }[];
  settings: ErpSettings;
  lastVerifiedAt: string | null;
  createdAt: string;
}

export const ERP_STATUS_MESSAGES = {
  credentials_invalid: 'Credentials invalid — the ERP refused the API key; enter a valid key here.',
} as const;

export function toErpView(row: Selectable<ErpConnectionsTable>): ErpView {
  return {
    id: row.id,
    type: row.type,
    url: row.url,
    database: row.database_name,
    login: row.login,
    apiKey: mask(row.secret_last4),
    transport: row.transport,
    serverVersion: row.server_version,
    detectedTransport: row.detected_transport,
    transportNote:
      row.type === 'odoo'
        ? explainTransport(row.transport, row.server_version, row.detected_transport)
        : null,
    status: row.status,
    statusMessage: row.status_message,
    warehouses: row.warehouses as ErpView['warehouses'],
    carriers: row.carriers as ErpView['carriers'],
    settings: readErpSettings(row.settings),
    lastVerifiedAt: row.last_verified_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
