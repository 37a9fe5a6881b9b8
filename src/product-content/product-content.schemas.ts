import { z } from 'zod';
import { uuidId } from '../core/ids.ts';
import { httpUrl, text } from '../core/text.ts';

/** Inputs of the seller's product content actions, shared by the HTTP routes and the CLI. */
export const eanText = text({ error: 'Give the EAN as 8 to 15 digits.' }).regex(
  /^\d{8,15}$/,
  'Give the EAN as 8 to 15 digits.',
);

export const productContentParams = z.object({ id: uuidId('an account'), ean: eanText });

export const confirmCategoryBody = z.strictObject({
  categoryId: text({ error: 'Give the category id (one of the suggestions, or another with its name).' })
    .trim()
    .min(1, 'Give the category id.')
    .max(40, 'Use at most 40 characters.'),
  /** Only for a category that was not suggested: its name as the marketplace spells it. */
  categoryName: text()
    .trim()
    .min(1, 'Give the category name.')
    .max(200, 'Use at most 200 characters.')
    .optional(),
});
export type ConfirmCategoryInput = z.output<typeof confirmCategoryBody>;

export const pictureUrlBody = z.strictObject({
  url: httpUrl(
    'Give an http(s) URL of a JPEG, PNG, GIF or WebP picture, or null to use the ERP’s picture.',
  ).nullable(),
});

export const productContentQuery = z.object({
  state: z
    .enum(['known', 'needs_category', 'needs_picture', 'queued', 'sent', 'live', 'refused'], {
      error: 'Use one of known, needs_category, needs_picture, queued, sent, live, refused.',
    })
    .optional(),
});

/** The public picture path's last segment: the token (43 base64url characters) and an extension. */
export const pictureParams = z.object({
  file: text({ error: 'Not a picture of AdlerDo.' }).regex(
    /^[A-Za-z0-9_-]{43}\.[a-z]{2,4}$/,
    'Not a picture of AdlerDo.',
  ),
});
