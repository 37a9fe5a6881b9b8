/** How long Kaufland's downloader waits for a picture (the sandbox's choice). */
const TIMEOUT_MS = 5_000;
const MAX_BYTES = 20 * 1024 * 1024;

/** First bytes of the picture formats a shop accepts: JPEG, PNG, GIF, WebP. */
const SIGNATURES: readonly (readonly number[])[] = [
  [0xff, 0xd8, 0xff],
  [0x89, 0x50, 0x4e, 0x47],
  [0x47, 0x49, 0x46, 0x38],
  [0x52, 0x49, 0x46, 0x46],
];

/**
 * Downloads a picture as Kaufland would and says what is wrong with it, in Kaufland-like words; undefined when
 * it is a picture. Only http(s) URLs; the body must start like an image, whatever the content-type claims.
 */
export async function checkPicture(url: string): Promise<string | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'picture URL is not a valid URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'picture URL must be http or https';
  let response: Response;
  try {
    response = await fetch(parsed, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  } catch {
    return 'picture could not be downloaded (no answer from the server)';
  }
  if (!response.ok) {
    await response.body?.cancel();
    return `picture could not be downloaded (HTTP ${response.status})`;
  }
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > MAX_BYTES) {
    await response.body?.cancel();
    return 'picture is larger than 20 MB';
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    return 'picture could not be downloaded (connection broke off)';
  }
  const isImage = SIGNATURES.some((signature) => signature.every((byte, i) => bytes[i] === byte));
  return isImage ? undefined : 'file at the picture URL is not a JPEG, PNG, GIF or WebP image';
}
