import { accountAccount, accountJournal, accountMove, accountMoveLine, irAttachment } from './account.ts';
import {
  accountMoveReversal,
  accountMoveSend,
  accountMoveSendWizard,
  saleAdvancePaymentInv,
} from './invoice-wizards.ts';
import { stockReturnPicking, stockReturnPickingLine } from './return-wizard.ts';
import { AUTOMATION_MODELS } from './base-automation.ts';
import {
  accountTax,
  irModelData,
  resCompany,
  resCountry,
  resGroups,
  resLang,
  resPartner,
  resUsers,
} from './base.ts';
import { resCurrencyRate } from './currency-rate.ts';
import { stockMove, stockMoveLine, stockPicking } from './picking.ts';
import { confirmStockSms, stockBackorderConfirmation } from './wizards.ts';
import { productCategory, productProduct, productTemplate } from './product.ts';
import { resCurrency } from './currency.ts';
import { accountFiscalPosition, accountFiscalPositionTax, productPricelist } from './pricelist.ts';
import { saleOrder, saleOrderCancel, saleOrderLine } from './sale.ts';
import { stockChangeProductQty, stockQuant } from './stock-quant.ts';
import type { ModelDef, SandboxVersion } from './types.ts';
import { deliveryCarrier, stockLocation, stockPickingType, stockWarehouse } from './warehouse.ts';

export function buildModels(version: SandboxVersion): ModelDef[] {
  return [
    resPartner,
    resUsers,
    resGroups,
    resCompany,
    resCountry,
    resLang,
    resCurrencyRate,
    irModelData,
    accountTax(version),
    resCurrency,
    productPricelist,
    accountFiscalPosition(version),
    ...(version < 19 ? [accountFiscalPositionTax] : []),
    productProduct(version),
    productTemplate,
    productCategory,
    stockLocation,
    stockWarehouse,
    stockPickingType,
    deliveryCarrier,
    stockQuant,
    stockChangeProductQty,
    stockPicking,
    stockMove,
    stockMoveLine,
    confirmStockSms,
    stockBackorderConfirmation,
    saleOrder,
    saleOrderLine(version),
    saleOrderCancel,
    accountJournal,
    accountAccount,
    accountMove(version),
    accountMoveLine,
    irAttachment,
    saleAdvancePaymentInv,
    version >= 18 ? accountMoveSendWizard : accountMoveSend,
    accountMoveReversal,
    stockReturnPicking(version),
    stockReturnPickingLine,
    ...AUTOMATION_MODELS,
  ];
}
