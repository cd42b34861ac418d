import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parsePositiveInt } from '../option-parsers.js';
import { DB_HELP, dbLocation } from '../../store/open-db.js';

export function registerReview(program: Command): void {
  program
    .command('review')
    .description('serve the review web app: work through low-confidence facts, accept / fix / reject with the keyboard')
    .option('--db <file|url>', DB_HELP)
    .option('--host <host>', 'address to listen on (anything but loopback requires --token)', '127.0.0.1')
    .option('--port <port>', 'port', parsePositiveInt, 4317)
    .option('--token <token>', 'shared secret every request must carry (required off loopback); visible in ps, so prefer --token-file or SOLIEU_REVIEW_TOKEN')
    .option('--token-file <file>', 'read the token from this file (its first line)')
    .option('--allow-host <name...>', 'more names clients reach this server by (DNS aliases), for the Host header check')
    .option('--reviewer <name>', 'name recorded with every decision', safeUser())
    .addHelpText('after', '\nThe token may also come from the environment variable SOLIEU_REVIEW_TOKEN (--token and --token-file win).')
    .action(async (o: { db?: string; host: string; port: number; token?: string; tokenFile?: string; allowHost?: string[]; reviewer: string }) => {
      const token = resolveToken(o.token, o.tokenFile, process.env.SOLIEU_REVIEW_TOKEN);
      const { startReviewServer } = await import('../../review/review-server.js');
      const server = await startReviewServer({ db: dbLocation(o.db), host: o.host, port: o.port, token, reviewer: o.reviewer, allowHosts: o.allowHost ?? [] });
      process.stdout.write(`solieu review: open ${server.url}  (Ctrl+C to stop)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void server.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'reviewer';
  }
}

/**
 * The review token: `--token`, else the first line of `--token-file`, else `SOLIEU_REVIEW_TOKEN`
 * (the last two keep it out of `ps`). Undefined when none is given (loopback only).
 */
export function resolveToken(flag: string | undefined, file: string | undefined, env: string | undefined): string | undefined {
  if (flag !== undefined) return flag;
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new Error(`cannot read --token-file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const line = text.split(/\r?\n/)[0].trim();
    if (line === '') throw new Error(`--token-file ${file} is empty; put the token on its first line`);
    return line;
  }
  return env !== undefined && env.trim() !== '' ? env.trim() : undefined;
}
