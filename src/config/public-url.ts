import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * ADLERDO_PUBLIC_URL: the address Kaufland and Odoo call back (push notifications, webhooks). It must be https,
 * because callbacks carry an unguessable token in their path; plain http is accepted only for a loopback host
 * (127.0.0.1, ::1, localhost), where nothing crosses a network: tests and the sandboxes on one machine.
 * A path prefix is kept (AdlerDo behind a proxy at https://shop.example.com/adlerdo); query and fragment are not
 * allowed, and the trailing slash is dropped so routes can be appended.
 */
export const publicUrlSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a URL such as https://adlerdo.example.com' });
      return z.NEVER;
    }
    const loopback = LOOPBACK_HOSTS.has(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
      ctx.addIssue({
        code: 'custom',
        message: 'must start with https:// (http:// only for 127.0.0.1, ::1 or localhost)',
      });
      return z.NEVER;
    }
    if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
      ctx.addIssue({ code: 'custom', message: 'must not carry a query, fragment or user name' });
      return z.NEVER;
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  });
