import { z } from 'zod';

/**
 * A sentence the server says to a seller, kept as a stable code plus the values in it, with the English
 * sentence beside it. The web app says it from its catalogue (`errors:code.<code>`) in the seller's language
 * with the values filled in; API clients and the CLI read `message`. Values are plain strings and numbers
 * (amounts in minor units with their currency), so each language formats them its own way.
 */
export interface CodedMessage {
  code: string;
  values: Record<string, string | number>;
  message: string;
}

export const codedMessageSchema = z.object({
  code: z.string().min(1),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});

/** Reads stored code+values (a jsonb column); anything else (a hand-edited row) yields undefined, not a crash. */
export function readCodedMessage(stored: unknown): CodedMessage | undefined {
  const parsed = codedMessageSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export function readCodedMessages(stored: unknown): CodedMessage[] {
  return Array.isArray(stored) ? stored.flatMap((item) => readCodedMessage(item) ?? []) : [];
}
