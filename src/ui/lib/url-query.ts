/**
 * List filters live in the address (?q=…&state=…&page=2), so Back from an order, a reload or a shared link
 * shows the same list. Replaced, not pushed: typing a search must not fill the history.
 */
export function readQuery(name: string): string {
  return new URLSearchParams(window.location.search).get(name) ?? '';
}

export function writeQuery(values: Record<string, string | number | undefined>): void {
  const search = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '' || value === 1 || value === 'all') search.delete(key);
    else search.set(key, String(value));
  }
  const text = search.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${text ? `?${text}` : ''}`);
}
