/** The JSON shapes of the ERP connection API (src/erp/erp-view.ts, src/http/routes/erp.routes.ts). */

export interface ErpType {
  type: string;
  name: string;
}

export type ErpStatus = 'connected' | 'credentials_invalid' | 'error';

export type ErpTransport = 'auto' | 'jsonrpc' | 'json2';

export type ErpProductType = 'storable' | 'consumable';

export interface ErpSettings {
  /** null = none chosen yet (the ERP reported no warehouse). */
  warehouseId: string | null;
  /** null = the warehouse's main stock location. */
  stockLocationIds: string[] | null;
  safetyBuffer: number;
  productTypes: ErpProductType[];
}

export interface ErpWarehouse {
  id: string;
  code: string;
  name: string;
}

export interface ErpCarrier {
  id: string;
  name: string;
}

export interface Erp {
  id: string;
  type: string;
  url: string;
  database: string;
  login: string;
  /** Already masked by the server, e.g. "••••3f2a". */
  apiKey: string;
  transport: ErpTransport;
  serverVersion: string | null;
  detectedTransport: string | null;
  status: ErpStatus;
  statusMessage: string | null;
  warehouses: ErpWarehouse[];
  carriers: ErpCarrier[];
  settings: ErpSettings;
  lastVerifiedAt: string | null;
  createdAt: string;
}

export interface ConnectErpInput {
  type: string;
  url: string;
  database: string;
  login: string;
  apiKey: string;
  transport?: ErpTransport;
}

export interface UpdateErpKeyInput {
  apiKey: string;
  login?: string;
}

export type ErpSettingsPatch = Partial<Omit<ErpSettings, 'stockLocationIds'>>;
