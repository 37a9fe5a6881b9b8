import { apiRequest } from './api.ts';
import type {
  DemoInfo,
  Issue,
  OfferRow,
  OffersQuery,
  OrderDetail,
  OrderRow,
  OrdersQuery,
  Overview,
  Paged,
  Run,
  SkuCheck,
  Step,
} from './dashboard-types.ts';

/** `?a=1&b=x` from the given values; empty and undefined ones are left out. */
function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

const id = (value: string) => encodeURIComponent(value);

export const dashboardApi = {
  overview: () => apiRequest<Overview>('GET', '/api/overview'),
  syncNow: async (accountId: string, step?: Step) =>
    (
      await apiRequest<{ queued: Step[] }>(
        'POST',
        `/api/accounts/${id(accountId)}/sync`,
        step ? { step } : {},
      )
    ).queued,

  orders: async (params: OrdersQuery) => {
    const answer = await apiRequest<{ orders: OrderRow[]; total: number }>(
      'GET',
      `/api/orders${query(params)}`,
    );
    return { total: answer.total, items: answer.orders } satisfies Paged<OrderRow>;
  },
  order: (orderId: string) => apiRequest<OrderDetail>('GET', `/api/orders/${id(orderId)}`),
  retryOrder: (orderId: string) =>
    apiRequest<{ queued: Step[] }>('POST', `/api/orders/${id(orderId)}/retry`, {}),

  offers: async (params: OffersQuery) => {
    const answer = await apiRequest<{ offers: OfferRow[]; total: number }>(
      'GET',
      `/api/offers${query(params)}`,
    );
    return { total: answer.total, items: answer.offers } satisfies Paged<OfferRow>;
  },
  skuCheck: (account: string) => apiRequest<SkuCheck>('GET', `/api/sku-check${query({ account })}`),
  skuCheckCsvUrl: (account: string) => `/api/sku-check.csv${query({ account })}`,

  runs: async (params: { account?: string; step?: Step; limit?: number }) =>
    (await apiRequest<{ runs: Run[] }>('GET', `/api/runs${query(params)}`)).runs,
  run: async (runId: string) => (await apiRequest<{ run: Run }>('GET', `/api/runs/${id(runId)}`)).run,
  issues: async (account?: string) =>
    (await apiRequest<{ issues: Issue[] }>('GET', `/api/issues${query({ account })}`)).issues,
  retryIssue: (issueId: string) =>
    apiRequest<{ queued: Step[] }>('POST', `/api/issues/${id(issueId)}/retry`, {}),

  demo: async () => (await apiRequest<{ demo: DemoInfo | null }>('GET', '/api/demo')).demo,
  startDemo: async () => (await apiRequest<{ demo: DemoInfo }>('POST', '/api/demo', {})).demo,
};
