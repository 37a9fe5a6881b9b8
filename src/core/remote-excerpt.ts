/** At most this many characters of a remote answer reach a message: enough to recognise it, too few to flood. */
export const EXCERPT_MAX = 200;

/**
 * What an error message may quote of another server's answer (a body, an error text, a Location header): one
 * line of at most EXCERPT_MAX characters, without control characters (no terminal escapes, no log-line forging),
 * and for an HTML page only its title or visible text instead of the markup. The other server is not trusted:
 * a misconfigured URL may point at any page, and a hostile one may answer anything.
 */
export function remoteExcerpt(text: string, max = EXCERPT_MAX): string {
  let value = text;
  if (/<(!doctype|html|head|body|title|div|p|h1)\b/i.test(value)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(value)?.[1];
    value = title ?? value.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
    value = decodeBasicEntities(value);
  }
  // C0, DEL and C1 controls, and the bidi overrides that can make text read differently from what it is.
  // eslint-disable-next-line no-control-regex
  value = value.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ');
  value = value.replace(/\s+/g, ' ').trim();
  return value.length > max ? `${value.slice(0, max - 1).trimEnd()}…` : value;
}

function decodeBasicEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}
