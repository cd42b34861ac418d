import { Command, CommanderError } from 'commander';
import { registerIngest } from './commands/ingest-command.js';
import { registerShow } from './commands/show-command.js';
import { registerFacts } from './commands/facts-command.js';
import { registerCompare } from './commands/compare-command.js';
import { registerExport } from './commands/export-command.js';
import { registerStatus } from './commands/status-command.js';
import { registerMetrics } from './commands/metrics-command.js';
import { registerReview } from './commands/review-command.js';

/** Build the `solieu` command line. `exit` receives the exit status a command decided on. */
export function buildProgram(exit: (code: number) => void): Command {
  const program = new Command('solieu')
    .description('số liệu — numeric facts from Vietnamese government reports (PDF, Word, scans) into one table')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Typical day:
  solieu ingest reports/ --db solieu.db          read a folder of reports
  solieu show bao-cao.pdf                        check its heading tree and metadata
  solieu review                                  correct low-confidence facts in the browser
  solieu compare --metric telecom-revenue        one indicator across reports
  solieu export --format xlsx --out facts.xlsx   take it to a spreadsheet`,
    );
  registerIngest(program, exit);
  registerShow(program, exit);
  registerFacts(program, exit);
  registerCompare(program, exit);
  registerExport(program, exit);
  registerReview(program);
  registerStatus(program);
  registerMetrics(program);
  return program;
}

/** Run the CLI; resolves to the process exit status. Errors print one line, never a stack. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => (code = c));
  program.exitOverride();
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    process.stderr.write(`solieu: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`);
    return 2;
  }
}
