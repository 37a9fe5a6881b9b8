import type { components } from '../../connectors/kaufland/generated/openapi.d.ts';
import type { SandboxCore } from './context.ts';
import { ProblemError } from './errors.ts';
import { parseFeedCsv, type CsvTable } from './import-files-csv.ts';
import type { SellerRecord, UnitCondition } from './records.ts';
import { unitCreateSchema } from './schemas.ts';
import type { SandboxStore } from './state.ts';
import type { Storefront } from './storefronts.ts';
import { createUnit, deleteUnit, patchUnit } from './units-service.ts';

type ImportStatus = components['schemas']['ImportStatus'];
export type InventoryFeedView = components['schemas']['ImportFileInventoryFeed'];

/** One row the import could not apply, in plain words (what a seller sees in the portal's error report). */
export interface RowError {
  line: number;
  id_offer: string;
  ean: string;
  message: string;
}

export interface ImportFileRecord {
  id_import_file: number;
  id_seller: number;
  storefront: Storefront;
  uri: string;
  status: ImportStatus;
  note: string;
  total_lines: number;
  current_line: number;
  ts_created_iso: string;
  ts_updated_iso: string;
  ts_last_row_updated_iso: string | null;
  ts_completed_iso: string | null;
  row_errors: RowError[];
  /** How many times the sandbox downloaded the file (a test checks that it came from the hub). */
  downloads: number;
}

/** How imports behave; tests make them instant, the bench sets a realistic import time. */
export interface ImportSettings {
  /** Time between the file being checked and its rows applied: Kaufland says "usually within a few minutes". */
  import_ms: number;
  /** Refuse every new file as a whole (CHECKING_FAILED), as Kaufland does with a file it cannot read. */
  reject_files: boolean;
}

const DEFAULT_SETTINGS: ImportSettings = { import_ms: 120_000, reject_files: false };
const DOWNLOAD_TIMEOUT_MS = 60_000;
const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Rows applied per slice of the event loop, so the API keeps answering during a 100,000-row import. */
const ROWS_PER_SLICE = 5_000;
const REQUIRED_COLUMNS = ['ean'] as const;
/** Kaufland's feed conditions are numbers (100 new … 500 used, acceptable); names are taken as well. */
const CONDITIONS: Readonly<Record<string, UnitCondition>> = {
  '100': 'NEW',
  '200': 'USED___AS_NEW',
  '300': 'USED___VERY_GOOD',
  '400': 'USED___GOOD',
  '500': 'USED___ACCEPTABLE',
};

export class ImportFileBook {
  readonly files = new Map<number, ImportFileRecord>();
  settings: ImportSettings = { ...DEFAULT_SETTINGS };
  private nextId = 70001;

  add(record: Omit<ImportFileRecord, 'id_import_file'>): ImportFileRecord {
    const created = { ...record, id_import_file: this.nextId++ };
    this.files.set(created.id_import_file, created);
    return created;
  }

  /** A reset forgets the files; the settings stay, like the push settings (set once per sandbox). */
  clear(): void {
    this.files.clear();
  }
}

const books = new WeakMap<SandboxStore, ImportFileBook>();

/** Kept beside the store (not in its snapshot), like subscriptions; emptied with the store on a reset. */
export function importFileBook(store: SandboxStore): ImportFileBook {
  let book = books.get(store);
  if (!book) {
    book = new ImportFileBook();
    books.set(store, book);
  }
  if (store.sellers.size === 0 && book.files.size > 0) book.clear();
  return book;
}

export function importFileView(file: ImportFileRecord): InventoryFeedView {
  return {
    id_import_file: file.id_import_file,
    storefront: file.storefront,
    type: 'INVENTORY_FEED',
    uri: file.uri,
    status: file.status,
    note: file.note,
    total_lines: file.total_lines,
    current_line: file.current_line,
    error_count: file.row_errors.length,
    ts_created_iso: file.ts_created_iso,
    ts_updated_iso: file.ts_updated_iso,
    // The spec types these as date-times, never null: until they happen they repeat the creation time.
    ts_last_row_updated_iso: file.ts_last_row_updated_iso ?? file.ts_created_iso,
    ts_completed_iso: file.ts_completed_iso ?? file.ts_created_iso,
  };
}

/** Registers a file and starts its import in the background, as Kaufland does after answering 201. */
export function addInventoryFeed(
  core: SandboxCore,
  seller: SellerRecord,
  storefront: Storefront,
  uri: string,
): ImportFileRecord {
  const now = core.store.nowIso();
  const file = importFileBook(core.store).add({
    id_seller: seller.id_seller,
    storefront,
    uri,
    status: 'NEW',
    note: '',
    total_lines: 0,
    current_line: 0,
    ts_created_iso: now,
    ts_updated_iso: now,
    ts_last_row_updated_iso: null,
    ts_completed_iso: null,
    row_errors: [],
    downloads: 0,
  });
  void runImport(core, seller, file).catch((error: unknown) => {
    core.logger.error({ err: error, id: file.id_import_file }, 'kaufland sandbox: import failed');
    finish(core.store, file, 'IMPORTING_FAILED', 'Import failed (sandbox error)');
  });
  return file;
}

async function runImport(core: SandboxCore, seller: SellerRecord, file: ImportFileRecord): Promise<void> {
  const { store } = core;
  move(store, file, 'DOWNLOADING');
  const text = await download(file.uri);
  file.downloads += 1;
  if (typeof text !== 'string') return finish(store, file, 'DOWNLOADING_FAILED', text.failure);
  move(store, file, 'DOWNLOADED');
  move(store, file, 'CHECKING');
  const table = parseFeedCsv(text);
  const missing = REQUIRED_COLUMNS.filter((column) => !table.header.includes(column));
  if (!table.header.includes('price') && !table.header.includes('price_cs')) missing.push('price' as never);
  if (importFileBook(store).settings.reject_files)
    return finish(store, file, 'CHECKING_FAILED', 'File refused as a whole (sandbox setting reject_files)');
  if (missing.length > 0)
    return finish(store, file, 'CHECKING_FAILED', `Missing column(s) in the header: ${missing.join(', ')}`);
  file.total_lines = table.rows.length;
  move(store, file, 'CHECKED');
  move(store, file, 'IMPORTING');
  await importTime(store);
  if (!store.sellers.has(seller.id_seller)) return;
  await applyRows(core, seller, file, table);
  const errors = file.row_errors.length;
  finish(
    store,
    file,
    'IMPORTED',
    `Import finished: ${table.rows.length - errors} of ${table.rows.length} lines imported, ${errors} with errors`,
  );
}

async function download(uri: string): Promise<string | { failure: string }> {
  try {
    const response = await fetch(uri, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!response.ok) return { failure: `Download failed: HTTP ${response.status} from ${uri}` };
    const text = await response.text();
    if (text.length > MAX_FILE_BYTES) return { failure: 'Download failed: the file is too large' };
    return text;
  } catch (error) {
    return { failure: `Download failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Applies every row: a valid row creates the unit or updates the one with its id_offer; a row that is not
 * valid is recorded with its reason and leaves nothing behind. Then the feed REPLACES the listing: the
 * seller's units on that storefront whose id_offer the file does not name at all are deleted.
 */
async function applyRows(
  core: SandboxCore,
  seller: SellerRecord,
  file: ImportFileRecord,
  table: CsvTable,
): Promise<void> {
  const { store } = core;
  const named = new Set<string>();
  for (let start = 0; start < table.rows.length; start += ROWS_PER_SLICE) {
    for (const { line, fields } of table.rows.slice(start, start + ROWS_PER_SLICE)) {
      const idOffer = fields.id_offer ?? '';
      if (idOffer !== '') named.add(idOffer);
      const message = applyRow(store, seller, file.storefront, fields);
      if (message !== undefined)
        file.row_errors.push({ line, id_offer: idOffer, ean: fields.ean ?? '', message });
    }
    file.current_line = Math.min(table.rows.length, start + ROWS_PER_SLICE);
    file.ts_last_row_updated_iso = store.nowIso();
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const unit of [...store.units.listed(seller.id_seller, file.storefront)])
    if (!named.has(unit.id_offer)) deleteUnit(store, unit);
}

/** Undefined when applied, else why not, in plain words. */
function applyRow(
  store: SandboxStore,
  seller: SellerRecord,
  storefront: Storefront,
  fields: Readonly<Record<string, string>>,
): string | undefined {
  const condition = fields.condition ? (CONDITIONS[fields.condition] ?? fields.condition) : 'NEW';
  const price = fields.price || cents(fields.price_cs);
  if (!price) return 'price is missing';
  const input = {
    id_offer: fields.id_offer ?? '',
    ean: fields.ean ?? '',
    condition,
    listing_price: whole(price),
    amount: fields.count ? whole(fields.count) : undefined,
    handling_time: fields.handling_time ? whole(fields.handling_time) : 1,
    ...(fields.id_shipping_group ? { id_shipping_group: whole(fields.id_shipping_group) } : {}),
  };
  const parsed = unitCreateSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'row');
    return `${FIELD_WORDS[field] ?? field} ${issue?.message ?? 'is not valid'}`;
  }
  try {
    const existing = store.units.findOffer(seller.id_seller, storefront, parsed.data.id_offer);
    if (!existing) createUnit(store, seller, storefront, parsed.data);
    else {
      const { amount, listing_price, handling_time, id_shipping_group } = parsed.data;
      patchUnit(store, existing, { amount, listing_price, handling_time, id_shipping_group });
    }
    return undefined;
  } catch (error) {
    if (error instanceof ProblemError)
      return error.fields?.map((f) => `${FIELD_WORDS[f.field] ?? f.field} ${f.message}`).join('; ');
    throw error;
  }
}

/** The feed's column names for the API's field names, so a row error names what the seller wrote. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  id_offer: 'id_offer',
  ean: 'ean',
  listing_price: 'price',
  amount: 'count',
  handling_time: 'handling_time',
  condition: 'condition',
  id_shipping_group: 'id_shipping_group',
};

/** An integer from the file, or NaN (which the row check then refuses with the column's name). */
function whole(text: string): number {
  return /^-?\d{1,12}$/.test(text) ? Number(text) : Number.NaN;
}

/** price_cs is the price with a decimal comma or point ("4,99"): cents as text. */
function cents(text: string | undefined): string {
  if (!text) return '';
  const match = /^(\d{1,10})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return 'x';
  return String(Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0')));
}

function move(store: SandboxStore, file: ImportFileRecord, status: ImportStatus): void {
  file.status = status;
  file.ts_updated_iso = store.nowIso();
}

function finish(store: SandboxStore, file: ImportFileRecord, status: ImportStatus, note: string): void {
  move(store, file, status);
  file.note = `${note} (${file.ts_updated_iso})`;
  file.ts_completed_iso = file.ts_updated_iso;
}

/** Waits the import time, re-reading the setting meanwhile: a test can let a long import finish at once. */
async function importTime(store: SandboxStore): Promise<void> {
  const started = Date.now();
  for (;;) {
    const left = importFileBook(store).settings.import_ms - (Date.now() - started);
    if (left <= 0) return;
    // Unref'd: a pending import never keeps a process alive that is otherwise done.
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, 200)).unref());
  }
}
