import { describe, expect, it } from 'vitest';
import { sandboxOdooCommand } from '../../src/cli/commands/sandbox-odoo.ts';

describe('adlerdo sandbox odoo', () => {
  it('is named odoo, listens on 4020 and imitates Odoo 17 by default', () => {
    const command = sandboxOdooCommand();
    const defaults = Object.fromEntries(command.options.map((o) => [o.long, o.defaultValue]));
    expect(command.name()).toBe('odoo');
    expect(defaults).toMatchObject({ '--port': 4020, '--version': '17', '--host': '127.0.0.1' });
  });

  it('refuses a version it cannot imitate', () => {
    const command = sandboxOdooCommand()
      .exitOverride()
      .configureOutput({ writeErr: () => undefined });
    expect(() => command.parse(['--version', '16'], { from: 'user' })).toThrow(
      /Allowed choices are 17, 18, 19/,
    );
  });
});
