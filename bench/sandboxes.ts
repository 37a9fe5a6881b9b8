import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HostApi, Op, Reply, Request } from './ipc.ts';

/** The bench's handle on its sandbox host (bench/host/main.ts), a child process of its own. */
export interface Sandboxes {
  pid: number;
  call<K extends Op>(op: K, input: HostApi[K]['input']): Promise<HostApi[K]['result']>;
  close(): Promise<void>;
}

const HOST = fileURLToPath(new URL('./host/main.ts', import.meta.url));
// Stop waits this long for the host to close its servers before it is killed.
const STOP_GRACE_MS = 5_000;

export function forkSandboxes(skus = 100_000): Sandboxes {
  // tsx as a loader, not the tsx CLI: the child must be this very process's child for the IPC channel.
  // 4 GB heap: 100,000 SKUs in both sandboxes, plus Odoo's per-call transaction snapshot, pass 1 GB; a
  // million SKUs (Odoo's ~6 records per product, Kaufland's units) take ~10 times that.
  const heapMb = Math.max(4096, Math.ceil(skus / 100_000) * 1024);
  const child = fork(HOST, [], {
    execArgv: ['--import', 'tsx', `--max-old-space-size=${heapMb}`],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  child.on('message', (reply: Reply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (!waiter) return;
    if (reply.ok) waiter.resolve(reply.result);
    else waiter.reject(new Error(`sandbox host: ${reply.error}`));
  });
  child.on('exit', (code, signal) => {
    for (const waiter of pending.values())
      waiter.reject(new Error(`sandbox host exited (${signal ?? code ?? 'unknown'})`));
    pending.clear();
  });
  return {
    pid: child.pid ?? 0,
    call: (op, input) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        const request: Request = { id, op, input };
        child.send(request, (error) => {
          if (!error) return;
          pending.delete(id);
          reject(error);
        });
      }),
    close: () => stop(child),
  };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The host closes its servers and exits when its channel closes (see host/main.ts).
  if (child.connected) child.disconnect();
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
