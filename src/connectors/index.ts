import type { ErpConnector } from '../core/ports/erp.port.ts';
import type { MarketplaceConnector } from '../core/ports/marketplace.port.ts';
import { AppError } from '../core/errors.ts';
import { kauflandConnector } from './kaufland/index.ts';
import { odooConnector } from './odoo/index.ts';

/** The registry: the only shared file a new connector touches. */
export const marketplaceConnectors: Readonly<Record<string, MarketplaceConnector>> = {
  [kauflandConnector.type]: kauflandConnector,
};

export function marketplaceConnector(type: string): MarketplaceConnector {
  const connector = marketplaceConnectors[type];
  if (!connector) {
    const known = Object.keys(marketplaceConnectors).join(', ');
    throw new AppError(
      'input',
      'account.unknown_type',
      `Unknown account type "${type}". Known types: ${known}.`,
      {
        fields: [{ field: 'type', message: `Choose one of: ${known}.` }],
      },
    );
  }
  return connector;
}

export const erpConnectors: Readonly<Record<string, ErpConnector>> = {
  [odooConnector.type]: odooConnector,
};

export function erpConnector(type: string): ErpConnector {
  const connector = erpConnectors[type];
  if (!connector) {
    const known = Object.keys(erpConnectors).join(', ');
    throw new AppError('input', 'erp.unknown_type', `Unknown ERP type "${type}". Known types: ${known}.`, {
      fields: [{ field: 'type', message: `Choose one of: ${known}.` }],
    });
  }
  return connector;
}
