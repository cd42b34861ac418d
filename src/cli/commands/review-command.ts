import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { parsePositiveInt } from '../option-parsers.js';

export function registerReview(program: Command): void {
  program
    .command('review')
    .description('serve the review web app: work through low-confidence facts, accept / fix / reject with the keyboard')
    .option('--db <file>', 'SQLite database', 'solieu.db')
    .option('--host <host>', 'address to listen on (anything but loopback requires --token)', '127.0.0.1')
    .option('--port <port>', 'port', parsePositiveInt, 4317)
    .option('--token <token>', 'shared secret every request must carry (required off loopback)')
    .option('--reviewer <name>', 'name recorded with every decision', safeUser())
    .action(async (o: { db: string; host: string; port: number; token?: string; reviewer: string }) => {
      const { startReviewServer } = await import('../../review/review-server.js');
      const server = await startReviewServer({ db: o.db, host: o.host, port: o.port, token: o.token, reviewer: o.reviewer });
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
