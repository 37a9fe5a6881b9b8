import type { ErpPushConnector, MarketplacePushConnector } from '../core/ports/push.port.ts';
import { kauflandPush } from './kaufland/push.ts';
import { odooPush } from './odoo/push.ts';

/**
 * Which connectors can call the hub back (issue 13). Kept beside the registry in index.ts rather than in it, so
 * a connector without push needs nothing here and the push code can grow without touching the shared file.
 */
const marketplacePushConnectors: Readonly<Record<string, MarketplacePushConnector>> = {
  kaufland: kauflandPush,
};

const erpPushConnectors: Readonly<Record<string, ErpPushConnector>> = {
  odoo: odooPush,
};

export function marketplacePush(type: string): MarketplacePushConnector | undefined {
  return marketplacePushConnectors[type];
}

export function erpPush(type: string): ErpPushConnector | undefined {
  return erpPushConnectors[type];
}
