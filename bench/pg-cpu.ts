import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Clock ticks per second of /proc's CPU counters (100 on Linux almost everywhere; asked, not assumed). */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface Stat {
  ppid: number;
  /** utime + stime, and the same of children already waited for (exited backends). */
  own: number;
  reaped: number;
}

function readStat(pid: number | string): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const num = (i: number) => Number(fields[i - 3]);
    return { ppid: num(4), own: num(14) + num(15), reaped: num(16) + num(17) };
  } catch {
    return undefined;
  }
}

/**
 * CPU time of the embedded PostgreSQL in ms: the postmaster, its live children (backends, checkpointer, WAL
 * writer…) and the children it already reaped. Linux /proc only; undefined elsewhere or before it started.
 */
export function postgresCpuMs(dataDir: string): number | undefined {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
  const root = readStat(postmaster);
  if (!root) return undefined;
  let ticks = root.own + root.reaped;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (stat?.ppid === postmaster) ticks += stat.own;
  }
  return (ticks * 1000) / TICKS;
}
