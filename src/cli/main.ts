import { Command, CommanderError } from 'commander';

type Register = (program: Command, exit: (code: number) => void) => void;

/**
 * The commands, in the order `--help` lists them, each loaded when it is needed: a command's
 * module brings in what it uses (the store's drivers, exceljs, the review server, …), and
 * `solieu ingest` should not pay for loading `export` or `review` at every start.
 */
const COMMANDS: [name: string, load: () => Promise<Register>][] = [
  ['ingest', async () => (await import('./commands/ingest-command.js')).registerIngest],
  ['show', async () => (await import('./commands/show-command.js')).registerShow],
  ['facts', async () => (await import('./commands/facts-command.js')).registerFacts],
  ['compare', async () => (await import('./commands/compare-command.js')).registerCompare],
  ['export', async () => (await import('./commands/export-command.js')).registerExport],
  ['review', async () => (await import('./commands/review-command.js')).registerReview],
  ['status', async () => (await import('./commands/status-command.js')).registerStatus],
  ['metrics', async () => (await import('./commands/metrics-command.js')).registerMetrics],
  ['worker', async () => (await import('./commands/worker-command.js')).registerWorker],
];

/**
 * Build the `solieu` command line. `exit` receives the exit status a command decided on. With
 * `command`, the name of a known command, only that command is loaded and registered (the others
 * are not needed to run it); otherwise all are, for the help and the error of an unknown command.
 */
export async function buildProgram(exit: (code: number) => void, command?: string): Promise<Command> {
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
  const one = COMMANDS.find(([name]) => name === command);
  const registers = await Promise.all((one ? [one] : COMMANDS).map(([, load]) => load()));
  for (const register of registers) register(program, exit);
  return program;
}

/** Run the CLI; resolves to the process exit status. Errors print one line, never a stack. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  // `solieu ingest one.pdf`: pdfjs starts reading it in a thread of its own while the rest loads
  const early = argv[2] === 'ingest' ? import('./ingest/early-pdfjs-thread.js').then((m) => m.startPdfjsThreadEarly(argv)) : undefined;
  // argv: node, script, then the command (a global option such as --help or --version first loads them all)
  const program = await buildProgram((c) => (code = c), argv[2]);
  await early;
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
