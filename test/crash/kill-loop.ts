import { setTimeout as sleep } from 'node:timers/promises';
import type { CrashWorld } from './crash-world.ts';
import type { HubProcess } from './hub-process.ts';
import { randomInt } from './rng.ts';

/** A kill comes 1–4 s after the hub began its first step — or, for this share of kills, after its spawn. */
const KILL_AFTER_MS: [number, number] = [1_000, 4_000];
const BOOT_KILL_SHARE = 0.2;

/**
 * The crash tests' rhythm of SIGKILLs (the main proof and its scenarios): while `on()` holds, the hub is killed at
 * a random moment once it has begun a step (or, for a share of kills, while it boots) and started again at once.
 * Resolves with the kill times when `on()` turns false.
 */
export async function killLoop(
  w: CrashWorld,
  hub: HubProcess,
  random: () => number,
  on: () => boolean,
): Promise<{ killTimes: number[]; bootKills: number }> {
  const killTimes: number[] = [];
  let bootKills = 0;
  const working = async (since: number) => {
    while (on()) {
      const { rows } = await w.database.pool.query<{ n: string }>(
        'SELECT count(*) AS n FROM sync_runs WHERE started_at >= $1',
        [new Date(since)],
      );
      if (Number(rows[0]?.n) > 0) return;
      await sleep(50);
    }
  };
  while (on()) {
    const spawnedAt = Date.now();
    const duringBoot = random() < BOOT_KILL_SHARE;
    const delay = randomInt(random, ...KILL_AFTER_MS);
    if (!duringBoot) await working(spawnedAt);
    await sleep(delay);
    if (!on()) break;
    if (duringBoot) bootKills++;
    killTimes.push(Date.now());
    await hub.kill();
    hub.start();
  }
  return { killTimes, bootKills };
}
