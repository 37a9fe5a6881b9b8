import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import type { SandboxLogger } from './logger.ts';
import type { SandboxStore, SnapshotData } from './state.ts';
import { subscriptionBook } from './subscription-book.ts';
import { watchForNotifications } from './subscription-delivery.ts';

/** Bursts of writes (a bulk call, a test setting up 50 orders) become one file write 200 ms after the last change. */
const DEBOUNCE_MS = 200;

/**
 * Keeps the store in a JSON file: loaded on start, rewritten after changes, flushed on close. Written to a temporary
 * file and renamed, so a crash mid-write leaves the previous snapshot intact. Mode 0600: it holds the fake secrets.
 * The push subscriptions (with their deliveries, mails and settings) ride along under `push`, so a restarted
 * sandbox keeps notifying the callbacks it was told about.
 */
export class SnapshotFile {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly store: SandboxStore,
    private readonly logger: SandboxLogger,
  ) {}

  /** Loads the file if it exists; returns whether it did. */
  async load(): Promise<boolean> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw new AppError('config', 'kaufland_sandbox.snapshot_unreadable', `Cannot read ${this.file}`, {
        cause: error,
      });
    }
    const data = parseSnapshot(text, this.file);
    this.store.load(data);
    // Absent in snapshots written before subscriptions were kept.
    if (data.push !== undefined) {
      try {
        subscriptionBook(this.store).load(data.push);
      } catch (error) {
        throw new AppError(
          'config',
          'kaufland_sandbox.snapshot_push',
          `${this.file} holds push subscriptions the sandbox cannot read`,
          { cause: error },
        );
      }
      if (subscriptionBook(this.store).subscriptions.size > 0)
        watchForNotifications({ store: this.store, logger: this.logger });
    }
    return true;
  }

  watch(): void {
    this.store.onChange(() => this.schedule());
    subscriptionBook(this.store).onChange(() => this.schedule());
  }

  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write();
    }, DEBOUNCE_MS);
  }

  /** Writes now if a write is pending, and waits for any write in flight. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.write();
    }
    await this.writing;
  }

  private write(): Promise<void> {
    const data: SnapshotFileData = {
      ...this.store.toSnapshot(),
      push: subscriptionBook(this.store).toSnapshot(),
    };
    const json = JSON.stringify(data, null, 2);
    this.writing = this.writing.then(async () => {
      try {
        await mkdir(path.dirname(path.resolve(this.file)), { recursive: true });
        const temporary = `${this.file}.${process.pid}.tmp`;
        await writeFile(temporary, json, { mode: 0o600 });
        await rename(temporary, this.file);
      } catch (error) {
        this.logger.error({ err: error, file: this.file }, 'kaufland sandbox: snapshot write failed');
      }
    });
    return this.writing;
  }
}

/** The file: the store's snapshot, plus the push subscriptions kept beside the store (subscription-book.ts). */
type SnapshotFileData = SnapshotData & { push?: unknown };

function parseSnapshot(text: string, file: string): SnapshotFileData {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AppError('config', 'kaufland_sandbox.snapshot_corrupt', `${file} is not valid JSON`, {
      cause: error,
    });
  }
  const candidate = data as Partial<SnapshotData> | null;
  const lists = ['sellers', 'products', 'units', 'stocks', 'orders', 'order_units', 'shipments'] as const;
  if (
    candidate?.version !== 1 ||
    typeof candidate.counters !== 'object' ||
    lists.some((k) => !Array.isArray(candidate[k]))
  ) {
    throw new AppError(
      'config',
      'kaufland_sandbox.snapshot_version',
      `${file} is not a version 1 Kaufland sandbox snapshot`,
    );
  }
  return candidate as SnapshotFileData;
}
