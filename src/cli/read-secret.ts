import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { AppError } from '../core/errors.ts';

/**
 * A secret comes from a file, piped stdin, or a hidden prompt — never from a command-line argument, which
 * would land in shell history and in `ps` output for every user of the machine.
 */
export async function readSecret(label: string, file: string | undefined): Promise<string> {
  let value: string;
  if (file) {
    try {
      value = await readFile(file, 'utf8');
    } catch (cause) {
      throw new AppError('input', 'cli.secret_file_unreadable', `Cannot read the ${label} from ${file}.`, {
        cause,
      });
    }
  } else if (!process.stdin.isTTY) {
    value = await readAllStdin();
  } else {
    value = await hiddenPrompt(`${label}: `);
  }
  const trimmed = value.trim();
  if (!trimmed) throw new AppError('input', 'cli.secret_empty', `The ${label} is empty.`);
  return trimmed;
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function hiddenPrompt(question: string): Promise<string> {
  process.stderr.write(question);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}
