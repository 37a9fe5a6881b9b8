import type { components } from '../../connectors/kaufland/generated/openapi.d.ts';

export type Carrier = components['schemas']['Carrier'];

/**
 * What `GET /carriers` answers and what `send` accepts, copied from reference/kaufland/carriers.json (Kaufland's v1 SDK
 * list; isHauler is partly a guess there). Names are matched exactly, case included, as the live API spells them.
 */
export const CARRIERS: readonly Carrier[] = [
  { name: 'Other', isHauler: false },
  { name: 'Other Hauler', isHauler: true },
  { name: 'Amazon Logistics DE (Swiship)', isHauler: false },
  { name: 'Austrian Post', isHauler: false },
  { name: 'Bursped', isHauler: true },
  { name: 'Cargoline', isHauler: true },
  { name: 'Cargo International', isHauler: true },
  { name: 'China Post', isHauler: false },
  { name: 'Chronopost', isHauler: false },
  { name: 'Chukou1 Logistics', isHauler: false },
  { name: 'CNE Express', isHauler: false },
  { name: 'Correos', isHauler: false },
  { name: 'Czech Post', isHauler: false },
  { name: 'Dachser', isHauler: true },
  { name: 'Deutsche Post', isHauler: false },
  { name: 'DHL', isHauler: false },
  { name: 'DHL 2 MH', isHauler: false },
  { name: 'DHL Express', isHauler: false },
  { name: 'DHL Ecommerce', isHauler: false },
  { name: 'DHL Freight', isHauler: true },
  { name: 'DHL Hong Kong', isHauler: false },
  { name: 'DPD', isHauler: false },
  { name: 'DPD France', isHauler: false },
  { name: 'DPD Romania', isHauler: false },
  { name: 'DPD UK', isHauler: false },
  { name: 'dtl', isHauler: false },
  { name: 'DSV', isHauler: true },
  { name: 'Emons', isHauler: true },
  { name: 'Fedex', isHauler: false },
  { name: 'Flyt Express', isHauler: false },
  { name: '4PX', isHauler: false },
  { name: 'Geis', isHauler: true },
  { name: 'GEL', isHauler: false },
  { name: 'GLS', isHauler: false },
  { name: 'GLS Italy', isHauler: false },
  { name: 'Hellmann', isHauler: true },
  { name: 'Hermes', isHauler: false },
  { name: 'Hermes 2 MH', isHauler: false },
  { name: 'Hong Kong Post', isHauler: false },
  { name: 'Hua Han Logistics', isHauler: false },
  { name: 'IDS Logistik', isHauler: true },
  { name: 'Iloxx', isHauler: false },
  { name: 'Iloxx Spedition', isHauler: true },
  { name: 'Jersey Post', isHauler: false },
  { name: 'Kuehne & Nagel', isHauler: true },
  { name: 'La Poste', isHauler: false },
  { name: 'Post Italiane', isHauler: false },
  { name: 'PostNL', isHauler: false },
  { name: 'PostNL 3S', isHauler: false },
  { name: 'PPL', isHauler: false },
  { name: 'Raben Group', isHauler: true },
  { name: 'Redur Spain', isHauler: false },
  { name: 'Rhenus', isHauler: true },
  { name: 'Schenker', isHauler: true },
  { name: 'Seur', isHauler: false },
  { name: 'SFC Service', isHauler: false },
  { name: 'Slovakia Post', isHauler: false },
  { name: 'Spedition Guettler', isHauler: true },
  { name: 'TNT', isHauler: false },
  { name: 'Trans FM', isHauler: true },
  { name: 'trans-o-flex', isHauler: false },
  { name: 'UBI Smart Parcel', isHauler: false },
  { name: 'UPS', isHauler: false },
  { name: 'Wanb Express', isHauler: false },
  { name: 'Winit', isHauler: false },
  { name: 'WnDirect', isHauler: false },
  { name: 'Yanwen', isHauler: false },
  { name: 'YDH', isHauler: false },
  { name: 'Yun Express', isHauler: false },
  { name: 'Zufall', isHauler: true },
];

/** The escape hatches for shipments without a tracking number; every other carrier needs one. */
export const CARRIERS_WITHOUT_TRACKING: ReadonlySet<string> = new Set(['Other', 'Other Hauler']);

const byName = new Map(CARRIERS.map((carrier) => [carrier.name, carrier]));

export function findCarrier(name: string): Carrier | undefined {
  return byName.get(name);
}
