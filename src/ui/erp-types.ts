/**
 * The JSON shapes of the ERP connection API, taken from the server's own types and zod schemas (src/erp,
 * src/http/routes/erp.routes.ts). Type-only imports: erased by the build.
 */
import type { ConnectErpInput, UpdateErpKeyInput } from '../erp/erp-input.ts';
import type { ErpSettings, ErpSettingsPatch } from '../erp/erp-settings.ts';
import type { ErpView } from '../erp/erp-view.ts';
import type { ErpType } from '../http/schemas/connector-types.schemas.ts';

export type { ConnectErpInput, ErpSettings, ErpSettingsPatch, ErpType, UpdateErpKeyInput };

export type Erp = ErpView;
export type ErpStatus = ErpView['status'];
export type ErpTransport = NonNullable<ConnectErpInput['transport']>;
export type ErpProductType = ErpSettings['productTypes'][number];
export type ErpWarehouse = ErpView['warehouses'][number];
export type ErpCarrier = ErpView['carriers'][number];
