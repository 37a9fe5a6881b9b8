import { AppError } from '../../core/errors.ts';
import { FieldIndex } from './db/field-index.ts';
import { copyFields, Journal } from './db/journal.ts';
import { recordHandler } from './db/record-proxy.ts';
import { Table } from './db/table.ts';
import type { ModelDef, Rec, SandboxVersion } from './models/types.ts';

/**
 * The sandbox's database: one table per model, ids counted per model like PostgreSQL sequences, an index per
 * field declared `index: true`, and transactions. Records are proxies: the models change them in place and the
 * store keeps indexes and the open transaction's journal up to date from the proxy's traps.
 */
export class Store {
  readonly version: SandboxVersion;
  readonly models: ReadonlyMap<string, ModelDef>;
  private readonly tables = new Map<string, Table>();
  private readonly indexes = new Map<string, ReadonlyMap<string, FieldIndex>>();
  private readonly handlers = new Map<string, ProxyHandler<Rec>>();
  private readonly sequences = new Map<string, number>();
  private journal: Journal | undefined;
  /** Tables a rollback put deleted rows back into (at the end): sorted by id again once it is done. */
  private readonly unsorted = new Set<Table>();
  /** Odoo's stock_sms asks once per company whether to text customers on delivery (recorded behaviour). */
  smsWarningPending = true;
  /** Whether "Send & Print" can render PDFs (a real server needs wkhtmltopdf; CI's 17 and 19 lack it). */
  pdfRenderer = true;

  constructor(version: SandboxVersion, models: ModelDef[]) {
    this.version = version;
    this.models = new Map(models.map((m) => [m.name, m]));
    for (const model of models) {
      this.tables.set(model.name, new Table());
      const indexes = new Map<string, FieldIndex>();
      for (const [name, field] of Object.entries(model.fields)) {
        if (!field.index) continue;
        if (field.compute || field.type === 'one2many' || field.type === 'many2many')
          throw new AppError(
            'bug',
            'sandbox.bad_index',
            `${model.name}.${name} is not a stored plain field.`,
          );
        indexes.set(name, new FieldIndex(field.type === 'many2one'));
      }
      if (indexes.size > 0) this.indexes.set(model.name, indexes);
    }
  }

  /** Each RPC call is one transaction, as in Odoo: a failing batch create leaves nothing behind. Ids stay drawn. */
  begin(): void {
    if (this.journal)
      throw new AppError('bug', 'sandbox.nested_transaction', 'A sandbox transaction is already open.');
    this.journal = new Journal();
    const sms = this.smsWarningPending;
    this.journal.record(() => {
      this.smsWarningPending = sms;
    });
  }

  commit(): void {
    this.journal = undefined;
  }

  rollback(): void {
    const journal = this.journal;
    this.journal = undefined;
    journal?.rollback();
    for (const table of this.unsorted) table.sortById();
    this.unsorted.clear();
  }

  get(model: string, id: number): Rec | undefined {
    return this.table(model).get(id);
  }

  all(model: string): Rec[] {
    return [...this.table(model).values()];
  }

  /** Existing rows among the ids, in id order. */
  byIds(model: string, ids: Iterable<number>): Rec[] {
    const table = this.table(model);
    const found: Rec[] = [];
    for (const id of [...ids].sort((a, b) => a - b)) {
      const rec = table.get(id);
      if (rec) found.push(rec);
    }
    return found;
  }

  /** Rows whose field is exactly (`===`) the value, in id order, through the field's index. */
  findBy(model: string, field: string, value: unknown): Rec[] {
    const index = this.fieldIndex(model, field);
    if (!index)
      throw new AppError(
        'bug',
        'sandbox.no_index',
        `${model}.${field} has no index (declare it index: true).`,
      );
    return this.byIds(model, index.ids(index.keyOf(value))).filter((rec) => rec[field] === value);
  }

  fieldIndex(model: string, field: string): FieldIndex | undefined {
    return this.indexes.get(model)?.get(field);
  }

  insert(model: string, values: Omit<Rec, 'id'>): Rec {
    const id = this.nextId(model);
    const target = { ...values, id } as Rec;
    const proxy = new Proxy(target, this.handler(model));
    const table = this.table(model);
    table.set(proxy, target);
    this.reindex(model, target, 'add');
    const journal = this.journal;
    if (journal) {
      // Changes to a record made in this transaction are undone with it: no need to save its fields.
      journal.firstTouch(target);
      journal.record(() => {
        if (!table.holds(target)) return;
        table.delete(id);
        this.reindex(model, target, 'remove');
      });
    }
    return proxy;
  }

  /** Deletes a row (an unknown id is a no-op), as `unlink` and the x2many command 2 do. */
  remove(model: string, id: number): void {
    const table = this.table(model);
    const [proxy, target] = [table.get(id), table.target(id)];
    if (!proxy || !target) return;
    this.beforeChange(model, table, target);
    table.delete(id);
    this.reindex(model, target, 'remove');
    this.journal?.record(() => {
      table.set(proxy, target);
      this.reindex(model, target, 'add');
      this.unsorted.add(table);
    });
  }

  nextId(model: string): number {
    const id = (this.sequences.get(model) ?? 0) + 1;
    this.sequences.set(model, id);
    return id;
  }

  /** Named sequences: S00001, WH/OUT/00001. */
  nextNumber(sequence: string): number {
    return this.nextId(`sequence:${sequence}`);
  }

  private table(model: string): Table {
    let table = this.tables.get(model);
    if (!table) {
      table = new Table();
      this.tables.set(model, table);
    }
    return table;
  }

  private handler(model: string): ProxyHandler<Rec> {
    let handler = this.handlers.get(model);
    if (!handler) {
      const table = this.table(model);
      const indexes = this.indexes.get(model);
      handler = recordHandler({
        beforeChange: (target) => this.beforeChange(model, table, target),
        changing: (target, key, from, to) => {
          const index = indexes?.get(key);
          if (index && table.holds(target)) index.move(target.id, from, to);
        },
      });
      this.handlers.set(model, handler);
    }
    return handler;
  }

  /** Journals a record's fields at its first change in the open transaction. */
  private beforeChange(model: string, table: Table, target: Rec): void {
    const journal = this.journal;
    if (!journal?.firstTouch(target)) return;
    const before = copyFields(target);
    journal.record(() => {
      const live = table.holds(target);
      if (live) this.reindex(model, target, 'remove');
      for (const key of Object.keys(target)) if (!Object.hasOwn(before, key)) delete target[key];
      Object.assign(target, before);
      if (live) this.reindex(model, target, 'add');
    });
  }

  private reindex(model: string, target: Rec, op: 'add' | 'remove'): void {
    const indexes = this.indexes.get(model);
    if (!indexes) return;
    for (const [field, index] of indexes) index[op](target.id, target[field]);
  }
}
