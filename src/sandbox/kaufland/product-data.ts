import type { components } from '../../connectors/kaufland/generated/openapi.d.ts';
import { findCategory, SANDBOX_CATEGORY } from './categories.ts';
import type { SandboxCore } from './context.ts';
import type { ProductRecord, SellerRecord } from './records.ts';
import type { UnitCreateInput } from './schemas.ts';
import type { SandboxStore } from './state.ts';
import type { Storefront } from './storefronts.ts';
import { checkPicture } from './picture-check.ts';

export type ProductDataStatusView = components['schemas']['ProductDataStatusResponse'];
type UpdateStatus = components['schemas']['ProductDataStatus'];

/**
 * Product data is per language (the spec's `Locale`, required on every product data call): each storefront shows
 * a product in its own language, so a new EAN's unit becomes visible on a storefront once the data in that
 * storefront's locale passed the check (the sandbox's reading; Kaufland's docs say no more than "per locale").
 */
export const LOCALE_OF_STOREFRONT: Readonly<Record<Storefront, string>> = {
  de: 'de-DE',
  at: 'de-AT',
  cz: 'cs-CZ',
  sk: 'sk-SK',
  pl: 'pl-PL',
  fr: 'fr-FR',
  it: 'it-IT',
};

/** What Kaufland's catalogue needs before it makes a product of an EAN (the sandbox's choice; Kaufland's list varies by category). */
export const REQUIRED_ATTRIBUTES = ['title', 'description', 'picture', 'manufacturer', 'category'] as const;

export interface ProductDataRecord {
  id_seller: number;
  ean: string;
  locale: string;
  attributes: Record<string, unknown>;
  status: UpdateStatus;
  missing: string[];
  declined: { attribute: string; original_value: string; message: string }[];
  id_product: number | null;
  /** Bumped by every PUT: a check still running for an older PUT must not overwrite the newer answer. */
  revision: number;
}

/** A unit created for an EAN the catalogue does not know: accepted, invisible until the EAN becomes a product. */
export interface WaitingUnit {
  id_seller: number;
  storefront: Storefront;
  ean: string;
  input: UnitCreateInput;
}

/**
 * The sandbox's catalogue side, one book per store, kept beside it (not in the snapshot) like subscriptions.
 * Which EANs Kaufland's catalogue already knows (because other sellers sell them) is decided by a rule: every EAN
 * except the GS1 in-store range (first digit 2: numbers a shop gives its own goods, which no shared catalogue
 * knows) and the EANs a test marked unknown through /_sandbox/catalogue.
 */
export class ProductDataBook {
  /** Keyed by seller, EAN and locale: `recordKey`. */
  readonly records = new Map<string, ProductDataRecord>();
  readonly unknownEans = new Set<string>();
  /** EANs whose product data PUT answers 400 (a test's way to see a refusal outright, before any check). */
  readonly refusedEans = new Set<string>();
  /** Per new EAN, the locales whose product data passed the check: the storefronts that show it. */
  readonly liveLocales = new Map<string, Set<string>>();
  waiting: WaitingUnit[] = [];

  clear(): void {
    this.records.clear();
    this.unknownEans.clear();
    this.refusedEans.clear();
    this.liveLocales.clear();
    this.waiting = [];
  }
}

const books = new WeakMap<SandboxStore, ProductDataBook>();

export function productDataBook(store: SandboxStore): ProductDataBook {
  let book = books.get(store);
  if (!book) {
    book = new ProductDataBook();
    books.set(store, book);
  }
  return book;
}

export function recordKey(idSeller: number, ean: string, locale: string): string {
  return `${idSeller}|${ean}|${locale}`;
}

/** Whether Kaufland's catalogue has (or would at once make) a product for this EAN without product data. */
export function catalogueKnows(store: SandboxStore, ean: string): boolean {
  if (store.products.byEanCode(ean)) return true;
  return !ean.startsWith('2') && !productDataBook(store).unknownEans.has(ean);
}

/**
 * Whether a unit for this EAN is visible on the storefront: the catalogue knew the EAN (other sellers sell it),
 * or product data in the storefront's language made it a product there.
 */
export function shownOn(store: SandboxStore, ean: string, storefront: Storefront): boolean {
  const book = productDataBook(store);
  const live = book.liveLocales.get(ean);
  if (live) return live.has(LOCALE_OF_STOREFRONT[storefront]);
  return catalogueKnows(store, ean);
}

/** The catalogue's product for an EAN: one already made, or made now for an EAN the catalogue knows. */
export function catalogueProduct(store: SandboxStore, ean: string): ProductRecord | undefined {
  const known = store.products.byEanCode(ean);
  if (known || !/^\d{8,15}$/.test(ean) || !catalogueKnows(store, ean)) return known;
  const product: ProductRecord = {
    id_product: store.nextId('product'),
    eans: [ean],
    title: `Sandbox product ${ean}`,
    manufacturer: 'Sandbox',
    id_category: SANDBOX_CATEGORY,
  };
  store.products.add(product);
  store.changed();
  return product;
}

/** Product data as sent: replaces the seller's earlier data for this EAN and starts the check again. */
export function putProductData(
  core: SandboxCore,
  seller: SellerRecord,
  input: { ean: string[]; attributes: Record<string, unknown> },
  locale: string,
  release: (store: SandboxStore, waiting: WaitingUnit) => void,
): void {
  const book = productDataBook(core.store);
  for (const ean of input.ean) {
    const key = recordKey(seller.id_seller, ean, locale);
    const earlier = book.records.get(key);
    const record: ProductDataRecord = {
      id_seller: seller.id_seller,
      ean,
      locale,
      attributes: input.attributes,
      status: 'PENDING',
      missing: [],
      declined: [],
      id_product: earlier?.id_product ?? null,
      revision: (earlier?.revision ?? 0) + 1,
    };
    book.records.set(key, record);
    void processProductData(core, record, release);
  }
}

/** Kaufland checks product data in the background: required attributes, then every picture downloaded. */
async function processProductData(
  core: SandboxCore,
  record: ProductDataRecord,
  release: (store: SandboxStore, waiting: WaitingUnit) => void,
): Promise<void> {
  const { revision } = record;
  record.status = 'IN_PROGRESS';
  const missing: string[] = REQUIRED_ATTRIBUTES.filter(
    (name) => valuesOf(record.attributes[name]).length === 0,
  );
  const declined: ProductDataRecord['declined'] = [];
  for (const raw of valuesOf(record.attributes.picture)) {
    const problem = await checkPicture(pictureUrl(raw));
    if (problem !== undefined) declined.push({ attribute: 'picture', original_value: raw, message: problem });
  }
  const [category] = valuesOf(record.attributes.category);
  if (category !== undefined && findCategory(category) === undefined)
    declined.push({ attribute: 'category', original_value: category, message: 'unknown category' });
  if (record.revision !== revision) return;
  record.missing = missing;
  record.declined = declined;
  if (missing.length > 0 || declined.length > 0) {
    record.status = 'FAIL';
    core.logger.info({ ean: record.ean, missing, declined: declined.length }, 'product data refused');
    return;
  }
  record.id_product = ensureProduct(core.store, record, category ?? '');
  record.status = 'SUCCESS';
  const book = productDataBook(core.store);
  const live = book.liveLocales.get(record.ean) ?? new Set<string>();
  live.add(record.locale);
  book.liveLocales.set(record.ean, live);
  // Only the storefronts of this language show the product now; the others wait for data in theirs.
  const showsHere = (unit: WaitingUnit) =>
    unit.ean === record.ean && LOCALE_OF_STOREFRONT[unit.storefront] === record.locale;
  const ready = book.waiting.filter(showsHere);
  book.waiting = book.waiting.filter((unit) => !showsHere(unit));
  for (const unit of ready) release(core.store, unit);
}

function ensureProduct(store: SandboxStore, record: ProductDataRecord, category: string): number {
  const known = store.products.byEanCode(record.ean);
  if (known) return known.id_product;
  const id = store.nextId('product');
  store.products.add({
    id_product: id,
    eans: [record.ean],
    title: valuesOf(record.attributes.title)[0] ?? record.ean,
    manufacturer: valuesOf(record.attributes.manufacturer)[0] ?? '',
    id_category: findCategory(category)?.id ?? 1,
  });
  store.changed();
  return id;
}

/** Attribute values are lists of strings; a single string is taken as a list of one. */
function valuesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
}

/** A picture value is a URL, or a JSON string `{"url": …, "alt_text": …}` (spec example). */
function pictureUrl(raw: string): string {
  if (!raw.trim().startsWith('{')) return raw.trim();
  try {
    const parsed = JSON.parse(raw) as { url?: unknown };
    return typeof parsed.url === 'string' ? parsed.url : '';
  } catch {
    return '';
  }
}

export function statusView(record: ProductDataRecord): ProductDataStatusView {
  const done = record.status === 'SUCCESS' || record.status === 'FAIL';
  return {
    product_ready: record.status === 'SUCCESS',
    update_status: record.status,
    id_product: record.status === 'SUCCESS' ? record.id_product : null,
    product_not_ready_reason: !done
      ? 'NOT_YET_PROCESSED'
      : record.status === 'SUCCESS'
        ? null
        : record.missing.length > 0
          ? 'MISSING_ATTRIBUTES'
          : 'PROCESSING_FAILED',
    update_fail_reason:
      record.status !== 'FAIL' ? null : record.missing.length > 0 ? 'NOT_ENOUGH_DATA' : 'ITEM_FAIL',
    attribute_values: record.declined.map((item) => ({ ...item, state: 'DECLINED' as const })),
    missing_attributes: record.missing,
    min_one_missing_attributes: [],
  };
}
