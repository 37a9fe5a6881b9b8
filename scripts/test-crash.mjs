#!/usr/bin/env node
// `npm run test:crash [-- --scenario NAME]`: the crash-safety proof (default), or one scenario of issue 14 from
// test/crash/scenarios/NAME.test.ts. vitest knows no --scenario option, so it is read here and passed on as
// CRASH_SCENARIO (each scenario runs only when named); other arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const args = process.argv.slice(2);
const at = args.indexOf('--scenario');
const scenario = at >= 0 ? args[at + 1] : undefined;
if (at >= 0) args.splice(at, 2);
const file = scenario ? `test/crash/scenarios/${scenario}.test.ts` : 'test/crash/crash-safety.test.ts';
if (!existsSync(file)) {
  console.error(`No crash scenario "${scenario}" (expected ${file}).`);
  process.exit(2);
}
const run = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.crash.config.ts', file, ...args], {
  stdio: 'inherit',
  env: { ...process.env, ...(scenario && { CRASH_SCENARIO: scenario }) },
});
process.exit(run.status ?? 1);
