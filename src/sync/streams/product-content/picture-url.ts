const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** Where the marketplace downloads a picture the hub serves: the public URL, an unguessable token, an extension. */
export function pictureUrlFor(publicUrl: string, token: string, contentType: string): string {
  return `${publicUrl}/api/product-pictures/${token}.${EXTENSIONS[contentType] ?? 'img'}`;
}

/** The token of a picture path's last segment (the extension is only for the marketplace's eyes). */
export function tokenOfPicturePath(segment: string): string {
  return segment.replace(/\.[a-z]{2,4}$/, '');
}
