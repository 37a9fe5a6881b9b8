/** Demo mode: AdlerDo against its own Kaufland and Odoo sandboxes, with live orders (README "Try it"). */
export { startDemo, DEMO_ACCOUNT_NAME, type Demo, type DemoOptions } from './start-demo.ts';
export { runningDemo, startDemoOnce, stopDemo } from './registry.ts';
export { MISMATCH } from './mismatch.ts';
