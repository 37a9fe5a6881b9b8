import type { ModelDef, Rec, SandboxVersion } from './models/types.ts';

/** The sandbox's database: one table per model, ids counted per model like PostgreSQL sequences. */
export class Store {
  readonly version: SandboxVersion;
  readonly models: ReadonlyMap<string, ModelDef>;
  private readonly tables = new Map<string, Map<number, Rec>>();
  private readonly sequences = new Map<string, number>();
  /** Odoo's stock_sms asks once per company whether to text customers on delivery (recorded behaviour). */
  smsWarningPending = true;

  constructor(version: SandboxVersion, models: ModelDef[]) {
    this.version = version;
    this.models = new Map(models.map((m) => [m.name, m]));
    for (const model of models) this.tables.set(model.name, new Map());
  }

  /** Each RPC call is one transaction, as in Odoo: a failing batch create leaves nothing behind. Ids stay drawn. */
  snapshot(): () => void {
    const saved = structuredClone(this.tables);
    const sms = this.smsWarningPending;
    return () => {
      this.tables.clear();
      for (const [name, table] of saved) this.tables.set(name, table);
      this.smsWarningPending = sms;
    };
  }

  table(model: string): Map<number, Rec> {
    let table = this.tables.get(model);
    if (!table) {
      table = new Map();
      this.tables.set(model, table);
    }
    return table;
  }

  get(model: string, id: number): Rec | undefined {
    return this.table(model).get(id);
  }

  all(model: string): Rec[] {
    return [...this.table(model).values()];
  }

  insert(model: string, values: Omit<Rec, 'id'>): Rec {
    const id = this.nextId(model);
    const rec = { ...values, id } as Rec;
    this.table(model).set(id, rec);
    return rec;
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
}
