// The command line's entry (bin/kruisbestuiving.js runs it): the program is in src/cli/program.ts, which the
// tests also call in-process.
import { runCommandLine } from './cli/program.ts';

// A reader that stops early (`kruisbestuiving --help | head`) is no error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});
process.exitCode = await runCommandLine(process.argv.slice(2));
