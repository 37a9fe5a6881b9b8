interface Props {
  error: string | undefined;
  everySeconds: number;
}

/** Tells that the page refreshes itself, and says so plainly when the last refresh failed. */
export function LiveStatus({ error, everySeconds }: Props) {
  return error ? (
    <p className="live live-error" role="status">
      <span className="live-dot" aria-hidden="true" /> Not updating: {error}
    </p>
  ) : (
    <p className="live">
      <span className="live-dot" aria-hidden="true" /> Live, updates every {everySeconds} s
    </p>
  );
}
