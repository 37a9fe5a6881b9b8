/** A one-line progress bar on stderr (stdout stays clean for --json); silent when stderr is not a terminal. */
export function progressBar(label: string): { update(done: number, total?: number): void; end(): void } {
  const tty = process.stderr.isTTY;
  const width = 30;
  let shown = false;
  return {
    update(done, total) {
      if (!tty) return;
      shown = true;
      const text =
        total && total > 0
          ? `[${'#'.repeat(Math.round((Math.min(done, total) / total) * width)).padEnd(width, '.')}] ${done}/${total}`
          : `${done} done`;
      process.stderr.write(`\r${label} ${text}`);
    },
    end() {
      if (shown) process.stderr.write('\n');
    },
  };
}
