import { Command } from 'commander';
import { sandboxKauflandCommand } from './sandbox-kaufland.ts';
import { sandboxOdooCommand } from './sandbox-odoo.ts';

/** `adlerdo sandbox kaufland|odoo`: the faithful fakes of the vendors' APIs, for demos, tests and trials. */
export function sandboxCommand(): Command {
  return new Command('sandbox')
    .description('Run a sandbox of a marketplace or ERP API')
    .addCommand(sandboxKauflandCommand())
    .addCommand(sandboxOdooCommand());
}
