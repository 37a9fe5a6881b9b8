import type { AppContext } from '../app-context.ts';
import { AppError } from '../core/errors.ts';
import { startDemo, type Demo, type DemoOptions } from './start-demo.ts';

/** At most one demo per running AdlerDo; a double click (or the CLI and a click) must not start two. */
const demos = new WeakMap<AppContext, Promise<Demo>>();

export function startDemoOnce(ctx: AppContext, options: DemoOptions = {}): Promise<Demo> {
  if (demos.has(ctx))
    return Promise.reject(new AppError('conflict', 'demo.running', 'The demo is already running.'));
  const starting = startDemo(ctx, options);
  demos.set(ctx, starting);
  // A demo that failed to start leaves nothing behind, so it may be tried again.
  starting.catch(() => demos.delete(ctx));
  return starting;
}

/** The running demo, if any; waits for one that is still starting (undefined if that fails). */
export async function runningDemo(ctx: AppContext): Promise<Demo | undefined> {
  const starting = demos.get(ctx);
  if (!starting) return undefined;
  try {
    return await starting;
  } catch {
    return undefined;
  }
}

export async function stopDemo(ctx: AppContext): Promise<void> {
  const demo = await runningDemo(ctx);
  demos.delete(ctx);
  await demo?.stop();
}
