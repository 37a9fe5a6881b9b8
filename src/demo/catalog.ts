import { ean13 } from '../core/ean.ts';
import type { Random } from '../core/random.ts';

export interface DemoProduct {
  sku: string;
  /** Missing on a couple of products on purpose: the "No EAN" check then has something to show. */
  ean?: string;
  name: string;
  /** In the ERP's currency, major units (Odoo's list_price). */
  price: number;
  qty: number;
}

/** [SKU stem, name, typical price]: everyday goods a mid-sized Kaufland seller lists. */
const ITEMS = [
  ['MUG', 'Stoneware Tea Mug 350 ml', 8.99],
  ['ESP', 'Espresso Cup Set (4)', 19.9],
  ['BRD', 'Bamboo Cutting Board', 24.5],
  ['KNF', "Chef's Knife 20 cm", 39],
  ['BTL', 'Insulated Water Bottle 750 ml', 21.99],
  ['JAR', 'Glass Storage Jar 1 l', 9.49],
  ['LMP', 'LED Desk Lamp', 34.9],
  ['NTB', 'Dotted Notebook A5', 6.99],
  ['HOS', 'Garden Hose 20 m', 29.99],
  ['POT', 'Ceramic Plant Pot 18 cm', 12.49],
  ['TWL', 'Cotton Bath Towel 70×140', 17.9],
  ['CUS', 'Linen Cushion Cover 45×45', 11.99],
  ['SCR', 'Precision Screwdriver Set', 22.9],
  ['MAT', 'Yoga Mat 6 mm', 27.5],
  ['BAG', 'Daypack 25 l', 49],
  ['CAR', 'Wooden Toy Car', 7.99],
  ['PZL', 'Jigsaw Puzzle 1000 pcs', 15.99],
  ['CND', 'Scented Candle 200 g', 9.99],
  ['CLK', 'Wall Clock 30 cm', 26.9],
  ['BLK', 'Knitted Throw Blanket', 44.9],
] as const;

const COLOURS = [
  ['SAG', 'Sage'],
  ['CHR', 'Charcoal'],
  ['SND', 'Sand'],
  ['OCN', 'Ocean Blue'],
  ['TER', 'Terracotta'],
  ['IVO', 'Ivory'],
  ['FOR', 'Forest Green'],
  ['BER', 'Berry'],
  ['SLT', 'Slate'],
  ['HON', 'Honey'],
  ['ROS', 'Rose'],
  ['MNT', 'Mint'],
  ['NAV', 'Navy'],
  ['MUS', 'Mustard'],
  ['PEB', 'Pebble Grey'],
] as const;

/** Up to 300 products (20 items × 15 colours). */
export const MAX_DEMO_PRODUCTS = ITEMS.length * COLOURS.length;

/**
 * GS1 prefix 400–440 is Germany; "4068" plus a made-up company number keeps the demo's EANs apart from the
 * sandbox's own demo units (4006…, 4007…).
 */
const EAN_STEM = '4068123';

/** SKUs without an EAN, so the "No EAN" tab and issue have an example. */
const WITHOUT_EAN = 2;

/**
 * A catalog of `count` products with names, prices (endings .99/.49/.90 as shops use), stock (a few sold
 * out) and valid EAN-13s. The same random source gives the same catalog.
 */
export function demoCatalog(count: number, random: Random): DemoProduct[] {
  const products: DemoProduct[] = [];
  for (let i = 0; i < Math.min(count, MAX_DEMO_PRODUCTS); i += 1) {
    const [stem, item, basePrice] = ITEMS[i % ITEMS.length]!;
    const [code, colour] = COLOURS[Math.floor(i / ITEMS.length)]!;
    const soldOut = random.chance(0.05);
    products.push({
      sku: `${stem}-${code}`,
      ...(i >= WITHOUT_EAN && { ean: ean13(`${EAN_STEM}${String(100_000 + i).slice(1)}`) }),
      name: `${item}, ${colour}`,
      price: shopPrice(basePrice * (0.85 + random.next() * 0.4), random),
      qty: soldOut ? 0 : random.int(4, 90),
    });
  }
  return products;
}

function shopPrice(raw: number, random: Random): number {
  const whole = Math.max(1, Math.floor(raw));
  return whole + random.pick([0.99, 0.99, 0.49, 0.9]);
}
