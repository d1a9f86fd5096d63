import type { Runtime } from '../bootstrap.ts';
import { verifyAuditTrail } from '../modules/audit/verify.ts';
import type { ChainIssue } from '../modules/audit/verify-chain.ts';
import { CliError } from './cli-error.ts';

const describeIssue = (issue: ChainIssue): string => {
  const place = issue.fromIndex === issue.toIndex ? `entry ${issue.fromIndex}` : `entries ${issue.fromIndex}–${issue.toIndex}`;
  const seq = issue.seq === null ? '' : ` (seq ${issue.seq})`;
  const what = { changed: 'CHANGED', removed: 'REMOVED', inserted: 'INSERTED' }[issue.kind];
  return `  ${what}: chain ${issue.chainKey}, ${place}${seq}`;
};

/** `audit verify`: exit code 0 when every chain is intact, 1 with one line per problem otherwise. */
export async function auditVerifyCommand(runtime: Runtime): Promise<void> {
  const result = await verifyAuditTrail(runtime.ctx.db);
  const summary = `${result.entries} audit entries in ${result.chains} chain(s) checked`;
  if (result.issues.length === 0) {
    process.stdout.write(`${summary}: intact.\n`);
    return;
  }
  throw new CliError(`${summary}: ${result.issues.length} problem(s) found.\n${result.issues.map(describeIssue).join('\n')}`);
}
