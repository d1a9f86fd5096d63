import { randomBytes } from 'node:crypto';
import type { Runtime } from '../bootstrap.ts';
import { languageSchema } from '../core/language.ts';
import { displayNameSchema, emailSchema } from '../core/schemas.ts';
import { textOf } from '../http/messages.ts';
import { parseInput } from '../http/route.ts';
import { newPasswordSchema } from '../modules/accounts/model.ts';
import { passwordProblem } from '../modules/accounts/password-policy.ts';
import { resetLinkForOperator } from '../modules/accounts/password-reset.ts';
import { createUser, resetPassword } from '../modules/accounts/service.ts';
import { findOrganisationIdByName } from '../modules/organisations/lookup.ts';
import { roleSchema, sectorSchema } from '../modules/organisations/model.ts';
import { addMembership, createOrganisation } from '../modules/organisations/service.ts';
import { CliError } from './cli-error.ts';

/** 18 random bytes: a 24-character password, printed once. */
const generatePassword = () => randomBytes(18).toString('base64url');

export async function readPasswordFromStdin(input: AsyncIterable<Buffer | string> = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** The password rules (accounts/password-policy.ts), before anything is written. */
function checkPassword(password: string, context: { email: string; displayName?: string }): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new CliError(`Password: ${textOf(`accounts.password_${problem}`, 'en')}`);
}

function parseOrFail<T>(schema: import('zod').ZodType<T>, value: unknown, what: string): T {
  try {
    return parseInput(schema, value, 'en') as T;
  } catch (error) {
    const issues = (error as { issues?: { message: string }[] }).issues ?? [];
    throw new CliError(`${what}: ${issues.map((i) => i.message).join(' ') || 'invalid'}`);
  }
}

export async function addUser(
  runtime: Runtime,
  options: { email: string; name: string; org?: string; role: string; sector?: string; language?: string; password?: string | undefined },
): Promise<void> {
  const { ctx } = runtime;
  const email = parseOrFail(emailSchema, options.email, 'E-mail');
  const displayName = parseOrFail(displayNameSchema, options.name, 'Name');
  const role = parseOrFail(roleSchema, options.role, 'Role');
  const language = parseOrFail(languageSchema, options.language ?? 'nl', 'Language');
  const generated = options.password === undefined;
  const password = parseOrFail(newPasswordSchema, options.password ?? generatePassword(), 'Password');
  checkPassword(password, { email, displayName });
  const userId = await createUser(ctx, { email, displayName, password, language }, null).catch((error: unknown) => {
    throw new CliError(`Could not add ${email}: an account with this e-mail address may already exist.`, { cause: error });
  });
  if (options.org) {
    let organisationId = await findOrganisationIdByName(ctx, options.org);
    if (!organisationId) {
      const sector = parseOrFail(sectorSchema, options.sector ?? 'other', 'Sector');
      organisationId = await createOrganisation(ctx, { name: options.org, sector });
      process.stdout.write(`Created organisation "${options.org}" (${sector}).\n`);
    }
    await addMembership(ctx, { organisationId, userId, role, actorUserId: null });
  }
  process.stdout.write(`Added ${email}${options.org ? ` as ${role} of "${options.org}"` : ''}.\n`);
  if (generated) process.stdout.write(`Password (shown once): ${password}\n`);
}

export async function resetUserPassword(runtime: Runtime, emailInput: string, passwordInput: string | undefined): Promise<void> {
  const email = parseOrFail(emailSchema, emailInput, 'E-mail');
  const password = parseOrFail(newPasswordSchema, passwordInput ?? generatePassword(), 'Password');
  checkPassword(password, { email });
  await resetPassword(runtime.ctx, email, password).catch((error: unknown) => {
    throw new CliError(`No account with e-mail address ${email}.`, { cause: error });
  });
  process.stdout.write(`New password set for ${email}; all their sessions were ended.\n`);
  if (passwordInput === undefined) process.stdout.write(`Password (shown once): ${password}\n`);
}

/** A one-time reset link (an hour) for the operator to hand over when the server sends no e-mail. */
export async function printResetLink(runtime: Runtime, emailInput: string, originOption: string | undefined): Promise<void> {
  const email = parseOrFail(emailSchema, emailInput, 'E-mail');
  const origin = (originOption ?? runtime.ctx.config.publicUrl)?.replace(/\/+$/, '');
  if (!origin || !/^https?:\/\//.test(origin)) throw new CliError('Set PUBLIC_URL (or pass --origin https://…) so the link points at this server.');
  const made = await resetLinkForOperator(runtime.ctx, email, origin);
  if (!made) throw new CliError(`No active account with e-mail address ${email}.`);
  process.stdout.write(`Reset link for ${email} (works once, until ${made.expiresAt.toISOString()}):\n${made.link}\n`);
}
