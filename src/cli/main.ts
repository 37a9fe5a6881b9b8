import { Command } from 'commander';
import { accountsCommand } from './commands/accounts.ts';
import { adminCommand } from './commands/admin.ts';
import { alertsCommand } from './commands/alerts.ts';
import { demoCommand } from './commands/demo.ts';
import { erpCommand } from './commands/erp.ts';
import { keyCommand } from './commands/key.ts';
import { ordersCommand } from './commands/orders.ts';
import { productsCommand } from './commands/products.ts';
import { refundCommand } from './commands/refund.ts';
import { returnsCommand } from './commands/returns.ts';
import { sandboxCommand } from './commands/sandbox.ts';
import { startCommand, workerCommand } from './commands/start.ts';
import { syncCommand } from './commands/sync.ts';
import { failAndExit } from './output.ts';
import { exitTwoOnUsageErrors } from './usage-exit.ts';

const program = new Command('adlerdo')
  .description('AdlerDo — keeps your ERP and your marketplaces in step')
  .showHelpAfterError()
  .addCommand(startCommand())
  .addCommand(workerCommand())
  .addCommand(demoCommand())
  .addCommand(syncCommand())
  .addCommand(adminCommand())
  .addCommand(accountsCommand())
  .addCommand(erpCommand())
  .addCommand(ordersCommand())
  .addCommand(productsCommand())
  .addCommand(returnsCommand())
  .addCommand(refundCommand())
  .addCommand(alertsCommand())
  .addCommand(keyCommand())
  .addCommand(sandboxCommand());

exitTwoOnUsageErrors(program).parseAsync(process.argv).catch(failAndExit);
