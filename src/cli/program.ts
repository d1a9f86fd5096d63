import { Command, CommanderError } from 'commander';
import type { Runtime } from '../bootstrap.ts';
import { type Config, loadConfig } from '../config.ts';
import { CliError } from './cli-error.ts';

// Each command loads its code when it runs (`await import`): the whole app takes seconds to load,
// and `--help`, `migrate` or `user add` need little of it.

/** What one run of the command line reads besides its arguments: the environment (its settings) and standard input; the process's own when left out. */
export type CommandLineInput = { env?: NodeJS.ProcessEnv; stdin?: AsyncIterable<Buffer | string> };

async function withRuntime(config: Config, task: (runtime: Runtime) => Promise<void>): Promise<void> {
  const { openRuntime } = await import('../bootstrap.ts');
  const runtime = await openRuntime(config);
  try {
    await task(runtime);
  } finally {
    await runtime.database.close();
  }
}

function createProgram({ env, stdin }: CommandLineInput): Command {
  const config = () => loadConfig(env);
  const program = new Command()
    .name('kruisbestuiving')
    .description('Kruisbestuiving: survey, trajectories and shared knowledge for experience work in care.')
    .exitOverride()
    .showHelpAfterError()
    .addHelpText(
      'after',
      '\nConfiguration comes from the environment: PORT (3000), DATA_DIR (./data, for SQLite), DATABASE_URL (postgres://… to use PostgreSQL), LOG_LEVEL.',
    );

  program
    .command('start')
    .description('Migrate the database and start the web server')
    .option('--demo-if-empty', 'load the demo organisation when the database has no organisation yet')
    .action(async (options: { demoIfEmpty?: boolean }) => {
      const { startServer } = await import('./start.ts');
      await startServer(config(), { demoIfEmpty: options.demoIfEmpty ?? false });
    });

  program
    .command('migrate')
    .description('Bring the database schema up to date (safe to run at the same time as another process)')
    .action(() =>
      withRuntime(config(), async ({ applied, database }) => {
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : `${database.location} is up to date.\n`);
      }),
    );

  program
    .command('demo')
    .description('Load the demo organisation with one account per role, or reload it (replacing the demo organisation only)')
    .action(() =>
      withRuntime(config(), async ({ ctx }) => {
        const { demoLogins, loadDemo } = await import('../modules/demo/service.ts');
        const { createPhotoStorage } = await import('../modules/stories/photo-storage.ts');
        await loadDemo(ctx, { photoStorage: await createPhotoStorage(config()) });
        process.stdout.write('Demo organisation loaded. Logins:\n');
        for (const login of demoLogins()) process.stdout.write(`  ${login.role.padEnd(12)} ${login.email.padEnd(40)} ${login.password}\n`);
      }),
    );

  const user = program.command('user').description('Manage accounts');
  user
    .command('add')
    .description('Add an account, optionally as a member of an organisation (created if it does not exist)')
    .requiredOption('--email <email>', 'e-mail address (the login)')
    .requiredOption('--name <name>', 'display name')
    .option('--org <name>', 'organisation name (or id) to add the person to')
    .option('--role <role>', 'admin | researcher | coordinator | member', 'member')
    .option('--sector <sector>', 'sector for a new organisation: ggz | verslavingszorg | jeugdhulp | other', 'other')
    .option('--language <language>', 'nl | en', 'nl')
    .option('--password-stdin', 'read the password from standard input instead of generating one')
    .action(async (options: { email: string; name: string; org?: string; role: string; sector: string; language: string; passwordStdin?: boolean }) => {
      const { addUser, readPasswordFromStdin } = await import('./users.ts');
      const password = options.passwordStdin ? await readPasswordFromStdin(stdin) : undefined;
      await withRuntime(config(), (runtime) => addUser(runtime, { ...options, password }));
    });
  user
    .command('reset-password')
    .description('Set a new password (generated unless --password-stdin) and end all sessions of the account')
    .argument('<email>', 'e-mail address of the account')
    .option('--password-stdin', 'read the new password from standard input')
    .action(async (email: string, options: { passwordStdin?: boolean }) => {
      const { readPasswordFromStdin, resetUserPassword } = await import('./users.ts');
      const password = options.passwordStdin ? await readPasswordFromStdin(stdin) : undefined;
      await withRuntime(config(), (runtime) => resetUserPassword(runtime, email, password));
    });
  user
    .command('reset-two-factors')
    .description('Remove every second factor (app, passkeys, recovery codes) of an account that lost them all')
    .argument('<email>', 'e-mail address of the account')
    .action(async (email: string) => {
      const { resetTwoFactors } = await import('./two-factors.ts');
      await withRuntime(config(), (runtime) => resetTwoFactors(runtime, email));
    });
  user
    .command('reset-link')
    .description('Print a one-time link (valid for an hour) with which the person chooses a new password; for servers without e-mail')
    .argument('<email>', 'e-mail address of the account')
    .option('--origin <url>', 'the address of the app in the link (default: PUBLIC_URL)')
    .action(async (email: string, options: { origin?: string }) => {
      const { printResetLink } = await import('./users.ts');
      await withRuntime(config(), (runtime) => printResetLink(runtime, email, options.origin));
    });

  program
    .command('import')
    .description('Import earlier answers from a CSV or Excel (.xlsx) file into a round, as complete responses: all rows, or nothing when any row has a problem')
    .argument('<roundId>', "the round's id (as in its address in the app)")
    .argument('<file>', 'a .csv (; , or tab separated, UTF-8 or Windows-1252) or .xlsx file with a header row')
    .option(
      '--mapping <file>',
      'a JSON file linking columns to questions ({"columns": {"header": "question" | "question.item" | …}}); proposed from the headers when left out',
    )
    .option('--dry-run', 'check every row and report the problems, but store nothing')
    .option('--sheet <name>', 'the worksheet of an .xlsx file (the first one when left out)')
    .option('--lang <language>', 'language of the problem messages: nl | en', 'en')
    .addHelpText(
      'after',
      '\nEach problem is printed as: row 12, column "rollen": <message>. The exit code is 1 when nothing was imported.\nThe import is recorded in the audit trail with no user and source "cli".',
    )
    .action((roundId: string, file: string, options: { mapping?: string; dryRun?: boolean; sheet?: string; lang?: string }) =>
      withRuntime(config(), async (runtime) => (await import('./import.ts')).importFile(runtime, roundId, file, options)),
    );

  program
    .command('report')
    .description("A round's report as JSON, HTML or PDF (every count shown, as a researcher sees it; recorded in the audit trail with no user)")
    .argument('<roundKey>', "the round's key, e.g. demo-ervaringswerkers")
    .option('--format <format>', 'json | html | pdf (pdf needs Chromium and --out)', 'json')
    .option('--lang <language>', 'nl | en', 'nl')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--org <name>', 'the organisation (name or id), when more than one has a round with this key')
    .option('--compare <roundKey>', 'html/pdf: compare with another round of the same organisation (the largest gaps)')
    .option('--crosstab <rows:cols...>', 'add cross-tabs of two questions, e.g. sector:betaald (repeatable)')
    .action((roundKey: string, options: { format?: string; lang?: string; out?: string; org?: string; compare?: string; crosstab?: string[] }) =>
      withRuntime(config(), async (runtime) => (await import('./report.ts')).reportCommand(runtime, roundKey, options)),
    );

  program
    .command('export')
    .description(
      "A round's responses for SPSS, Excel, CSV, JSON or R (researcher rights; no tokens, codes or times; recorded in the audit trail with no user), or with --tables-only the report's tables",
    )
    .argument('<roundKey>', "the round's key, e.g. demo-ervaringswerkers")
    .requiredOption('--format <format>', 'sav | xlsx | csv (zip with the codebook) | json | r (zip: CSV, codebook and an R script)')
    .requiredOption('--out <file>', 'the file to write')
    .option('--lang <language>', 'language of labels: nl | en', 'nl')
    .option('--tables-only', "only the report's tables (counts and percentages), no responses")
    .option('--dutch-excel', 'CSV with ; separators, decimal commas and a byte order mark (Excel set to Dutch)')
    .option('--org <name>', 'the organisation (name or id), when more than one has a round with this key')
    .action((roundKey: string, options: { format?: string; out?: string; lang?: string; tablesOnly?: boolean; dutchExcel?: boolean; org?: string }) =>
      withRuntime(config(), async (runtime) => (await import('./export.ts')).exportCommand(runtime, roundKey, options)),
    );

  const person = program.command('person').description("A person's rights: erasure");
  person
    .command('erase')
    .description('Erase a person from every module and organisation (what others rely on keeps an anonymous former member)')
    .argument('<email>', 'e-mail address of the account')
    .option('--yes', 'confirm: erasure cannot be undone')
    .action((email: string, options: { yes?: boolean }) =>
      withRuntime(config(), async (runtime) => (await import('./person.ts')).erasePersonCommand(runtime, email, options)),
    );

  program
    .command('retention')
    .description("Apply every organisation's retention periods now (the app also does this daily) and say what was deleted")
    .command('run')
    .description('Delete or anonymise what is past its time')
    .action(() => withRuntime(config(), async (runtime) => (await import('./retention.ts')).retentionRunCommand(runtime)));

  const audit = program.command('audit').description('The audit trail');
  audit
    .command('verify')
    .description('Check that no audit entry was changed, removed or inserted (exit code 1 and one line per problem otherwise)')
    .action(() => withRuntime(config(), async (runtime) => (await import('./audit.ts')).auditVerifyCommand(runtime)));

  program
    .command('org')
    .description('Organisation settings')
    .command('threshold')
    .description(
      'Show or set the disclosure threshold: counts below it are hidden from everyone who may not see small counts (at least 5; recorded in the audit trail with no user)',
    )
    .argument('<org>', 'the organisation (name or id)')
    .argument('[k]', 'the new threshold, a whole number from 5 to 50; left out: print the current one')
    .action((org: string, k: string | undefined) =>
      withRuntime(config(), async (runtime) => (await import('./organisations.ts')).thresholdCommand(runtime, org, k)),
    );

  program
    .command('backup')
    .description('Write a consistent copy of the SQLite database while the app may keep running (PostgreSQL: prints the pg_dump command)')
    .argument('<file>', 'where to write the backup')
    .action(async (file: string) => (await import('./backup.ts')).backup(config(), file));

  program
    .command('restore')
    .description('Replace the SQLite database with a backup, then migrate it (PostgreSQL: prints the pg_restore command)')
    .argument('<file>', 'a backup made with the backup command')
    .action(async (file: string) => (await import('./backup.ts')).restore(config(), file));
  return program;
}

/**
 * Runs one command line (the arguments after the program's name) and gives its exit code; src/cli.ts (what
 * bin/kruisbestuiving.js runs) sets the process's exit code from it, and the tests call it in-process.
 */
export async function runCommandLine(args: string[], input: CommandLineInput = {}): Promise<number> {
  try {
    await createProgram(input).parseAsync(args, { from: 'user' });
    return 0;
  } catch (error) {
    // Commander has printed the help or the usage error already.
    if (error instanceof CommanderError) return error.exitCode;
    // A refusal by a service carries a code: the command line is an edge too, and speaks English.
    const { AppError } = await import('../core/errors.ts');
    const { messageOf } = await import('../http/messages.ts');
    const message = error instanceof AppError ? messageOf(error, 'en') : (error as Error).message;
    process.stderr.write(
      `${error instanceof CliError || (error instanceof Error && error.message.startsWith('Invalid configuration')) ? message : `Error: ${message}`}\n`,
    );
    return 1;
  }
}
