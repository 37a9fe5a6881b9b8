import type { AccountStatus } from '../api-types.ts';

const LABELS: Record<AccountStatus, string> = {
  connected: 'Connected',
  credentials_invalid: 'Credentials invalid',
  paused: 'Paused',
  error: 'Error',
};

export function StatusBadge({ status }: { status: AccountStatus }) {
  return (
    <span className={`badge badge-${status}`}>
      <span className="badge-dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  );
}
