import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { BIN } from '../helpers/cli.ts';

/**
 * `adlerdo start` (server + worker + scheduler), or `adlerdo worker`, as a child process that the test kills
 * with SIGKILL and starts again. Its output is kept (last lines only) to explain a failure; an exit the test did not cause is
 * counted, since a hub that dies by itself is a finding too.
 */
export class HubProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private expectingExit = false;
  private readonly tail: string[] = [];
  starts = 0;
  /** When each start happened (epoch ms). */
  readonly startTimes: number[] = [];
  kills = 0;
  unexpectedExits: { code: number | null; signal: string | null }[] = [];
  /** How the last process ended. */
  lastExit: { code: number | null; signal: string | null } | undefined;

  /** `logFile` receives every line the hub writes, prefixed with the start it came from. */
  constructor(
    private readonly env: Record<string, string>,
    private readonly options: { command?: string[]; logFile?: string } = {},
  ) {
    if (options.logFile) writeFileSync(options.logFile, '');
  }

  start(): void {
    if (this.child) throw new Error('the hub is already running');
    const child = spawn(process.execPath, [BIN, ...(this.options.command ?? ['start'])], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        // A scenario's hub profiled: CRASH_HUB_NODE_OPTIONS="--require $PWD/scripts/cpu-profile.cjs" (CONTRIBUTING.md).
        ...(process.env.CRASH_HUB_NODE_OPTIONS && { NODE_OPTIONS: process.env.CRASH_HUB_NODE_OPTIONS }),
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.starts++;
    this.startTimes.push(Date.now());
    this.expectingExit = false;
    const start = this.starts;
    const logFile = this.options.logFile;
    if (logFile) appendFileSync(logFile, `--- start ${start} at ${new Date().toISOString()}\n`);
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        if (logFile) appendFileSync(logFile, `[${start}] ${line}\n`);
        this.tail.push(line.length > 600 ? `${line.slice(0, 600)}…` : line);
        if (this.tail.length > 80) this.tail.shift();
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.lastExit = { code, signal };
        if (!this.expectingExit) this.unexpectedExits.push({ code, signal });
        if (this.child === child) this.child = undefined;
        resolve();
      });
    });
    this.child = child;
  }

  /** SIGKILL: no shutdown code runs, open connections and locks die with the process. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.expectingExit = true;
    this.kills++;
    if (this.options.logFile)
      appendFileSync(this.options.logFile, `--- SIGKILL at ${new Date().toISOString()}\n`);
    child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, the graceful stop; SIGKILL if it has not ended within `graceMs` (see `lastExit`). */
  async stop(graceMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.expectingExit = true;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Restarts a hub that ended without being told to (it is counted in `unexpectedExits`). */
  reviveIfDead(): void {
    if (!this.child) this.start();
  }

  output(): string {
    return this.tail.join('\n');
  }
}
