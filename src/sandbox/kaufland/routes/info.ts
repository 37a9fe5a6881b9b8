import type { ApiContext } from '../context.ts';
import { ok } from '../http-io.ts';
import type { Router } from '../router.ts';

export function infoRoutes(router: Router<ApiContext>): void {
  // The spec's PingMessage example, which is also what the live API answers.
  router.add('GET', '/v2/status/ping', () => ok({ message: 'Never tell me the odds' }));
  router.add('GET', '/v2/info/storefront', ({ seller }) => ok([...seller.storefronts]));
}
