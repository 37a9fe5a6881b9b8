/**
 * The JSON shapes of the accounts API, taken from the server's own types and zod schemas (src/accounts,
 * src/http/routes): a changed schema breaks the web app's type check instead of a page. `import type` is erased
 * by the build, so no server code is bundled.
 */
import type { AddAccountInput, UpdateCredentialsInput } from '../accounts/account-input.ts';
import type { AccountSettings, AccountSettingsPatch } from '../accounts/account-settings.ts';
import type { AccountView } from '../accounts/account-view.ts';
import type { Admin } from '../auth/admins.ts';
import type { AccountType } from '../http/schemas/connector-types.schemas.ts';

export type { AccountSettings, AccountSettingsPatch, AccountType, Admin };

export interface AuthState {
  needsSetup: boolean;
  admin: Admin | null;
}

export type Account = AccountView;
export type AccountStatus = AccountView['status'];
export type PriceRule = AccountSettings['priceRule'];
export type PriceRounding = PriceRule['rounding'];

export type NewAccountInput = AddAccountInput;
export type NewCredentialsInput = UpdateCredentialsInput;
