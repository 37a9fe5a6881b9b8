import type { HostApi, Op, Reply, Request } from '../ipc.ts';
import { createOrders, kauflandAmounts, kauflandPrices } from './kaufland-orders.ts';
import { priceChanges } from './kaufland-listed.ts';
import { setRate } from './odoo-rates.ts';
import { changeStockReal, odooFreeReal, saleOrdersReal } from './odoo-real.ts';
import { changeStock, odooFree, saleOrdersFor } from './odoo-stock.ts';
import { startWorld, stopWorld, type World } from './world.ts';

/**
 * The sandbox host: a child process (started by bench/sandboxes.ts) running the Kaufland and Odoo sandboxes and
 * answering the bench's requests over the IPC channel. It exits when the bench goes away, however it ends.
 */
let world: World | undefined;

function need(): World {
  if (!world) throw new Error('bench host: not started');
  return world;
}

type Handlers = {
  [K in Op]: (input: HostApi[K]['input']) => Promise<HostApi[K]['result']> | HostApi[K]['result'];
};

const handlers: Handlers = {
  start: async (input) => {
    world = await startWorld(input, (line) => process.stderr.write(`[bench host] ${line}\n`));
    return world.connection;
  },
  // A real Odoo (`--odoo real`) is asked over its API; the sandbox is read and changed in memory.
  changeStock: ({ skus }) => {
    const { real } = need();
    return real ? changeStockReal(need(), real, skus) : changeStock(need(), skus);
  },
  createOrders: ({ count, units, status }) => createOrders(need(), count, units, status),
  odooFree: ({ skus }) => {
    const { real } = need();
    return real ? odooFreeReal(need(), real, skus) : odooFree(need(), skus);
  },
  kauflandAmounts: ({ skus }) => kauflandAmounts(need(), skus),
  setRate: ({ currency, rate }) => setRate(need(), currency, rate),
  kauflandPrices: () => kauflandPrices(need()),
  priceChanges: () => priceChanges(need()),
  kauflandUnitCount: () => need().kaufland.state().units.length,
  saleOrders: ({ refs }) => {
    const { real } = need();
    return real ? saleOrdersReal(real, refs) : saleOrdersFor(need(), refs);
  },
  usage: () => {
    const cpu = process.cpuUsage();
    return {
      cpuMs: (cpu.user + cpu.system) / 1000,
      rssBytes: process.memoryUsage.rss(),
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
    };
  },
  stop: async () => {
    await stopWorld(world);
    world = undefined;
    return null;
  },
};

async function answer(request: Request): Promise<Reply> {
  try {
    const handler = handlers[request.op] as (input: unknown) => unknown;
    return { id: request.id, ok: true, result: await handler(request.input) };
  } catch (error) {
    return {
      id: request.id,
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

process.on('message', (message: Request) => {
  void answer(message).then((reply) => process.send?.(reply));
});
process.on('disconnect', () => {
  void stopWorld(world).finally(() => process.exit(0));
});
