interface Props {
  what: string;
  message: string;
  onRetry: () => void;
}

/** "The orders could not be loaded" with the reason and a way to try again. */
export function LoadFailed({ what, message, onRetry }: Props) {
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{what} could not be loaded</p>
      <p>{message}</p>
      <button type="button" className="btn btn-secondary" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
