import { CARRIERS } from '../carriers.ts';
import type { ApiContext } from '../context.ts';
import { ok } from '../http-io.ts';
import type { Router } from '../router.ts';

export function carrierRoutes(router: Router<ApiContext>): void {
  router.add('GET', '/v2/carriers', () => ok({ carriers: CARRIERS.map((carrier) => ({ ...carrier })) }));
}
