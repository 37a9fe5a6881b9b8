import { AppError } from '../../core/errors.ts';
import { evaluate, parseDomain } from '../../sandbox/odoo/domain.ts';
import type { OdooRecord, SearchReadParams } from './odoo.client.ts';

/**
 * One model of a real Odoo as far as change cursors care, which the sandbox does not imitate: `write_date` is
 * stored to the microsecond (PostgreSQL, the transaction's start) but answered to the second, and `order
 * write_date` sorts by the stored value. Domains are Odoo's (the sandbox's evaluator); stored values are
 * 'YYYY-MM-DD HH:MM:SS.ffffff' strings, which compare with a 'YYYY-MM-DD HH:MM:SS' bound as PostgreSQL does
 * for `>=` and `<` as long as no stored value ends in .000000 (`at()` refuses those).
 */
export class MicrosecondOdoo {
  /** Every search_read, in order: the cursor's cost in ERP calls. */
  readonly reads: SearchReadParams[] = [];
  private readonly records = new Map<number, { id: number; write_date: string }>();
  private lastId = 0;

  /** `count` new records written at `time`, ids ascending. */
  create(time: string, count = 1): number[] {
    return Array.from({ length: count }, () => {
      const id = ++this.lastId;
      this.records.set(id, { id, write_date: time });
      return id;
    });
  }

  write(ids: readonly number[], time: string): void {
    for (const id of ids) {
      const record = this.records.get(id);
      if (!record) throw new AppError('bug', 'test.no_record', `no record ${id}`);
      record.write_date = time;
    }
  }

  /** What the record's write_date is now, to the microsecond. */
  stored(id: number): string {
    const record = this.records.get(id);
    if (!record) throw new AppError('bug', 'test.no_record', `no record ${id}`);
    return record.write_date;
  }

  ids(): number[] {
    return [...this.records.keys()];
  }

  searchRead<T = OdooRecord>(_model: string, params: SearchReadParams = {}): Promise<T[]> {
    this.reads.push(params);
    const tree = parseDomain(params.domain ?? []);
    const resolver = {
      values: (rec: object, path: string) => [(rec as Record<string, unknown>)[path]],
      isMany: () => false,
    };
    const terms = (params.order ?? 'id asc').split(',').map((term) => {
      const [name = 'id', direction = 'asc'] = term.trim().split(/\s+/);
      return { name, sign: direction === 'desc' ? -1 : 1 };
    });
    const found = [...this.records.values()]
      .filter((rec) => evaluate(tree, rec, resolver))
      .sort((a, b) => {
        for (const { name, sign } of terms) {
          const [x, y] = [a[name as keyof typeof a], b[name as keyof typeof b]];
          if (x !== y) return x < y ? -sign : sign;
        }
        return a.id - b.id;
      })
      .slice(params.offset ?? 0, (params.offset ?? 0) + (params.limit ?? Infinity));
    return Promise.resolve(
      found.map((rec) => ({ id: rec.id, write_date: rec.write_date.slice(0, 19) }) as T),
    );
  }
}

/** A stored write_date: `second` plus `micros` (1–999,999) microseconds. */
export function at(second: string, micros: number): string {
  if (!Number.isInteger(micros) || micros < 1 || micros > 999_999)
    throw new AppError('bug', 'test.bad_micros', `micros ${micros} out of 1–999999`);
  return `${second}.${String(micros).padStart(6, '0')}`;
}
