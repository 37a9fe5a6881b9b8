/**
 * The largest request body AdlerDo reads: enough for any settings body (a carrier mapping of 200 entries is
 * ~20 KiB). Larger bodies answer 413 before they are parsed. An upload route would set its own limit.
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;
