import type { ServiceContext } from '../../core/context.ts';
import { newSecretToken } from '../../core/ids.ts';
import type { Language } from '../../core/language.ts';
import { createUser } from './service.ts';
import * as store from './store.ts';

/** An account as single sign-on sees it: who it is and whether it may sign in at all. */
export type SsoAccount = { id: string; disabled: boolean };

const present = (row: { id: string; disabled_at: string | null } | undefined): SsoAccount | undefined =>
  row ? { id: row.id, disabled: row.disabled_at !== null } : undefined;

export const accountByEmail = async (ctx: ServiceContext, email: string) => present(await store.findUserByEmail(ctx.db, email));

export const accountById = async (ctx: ServiceContext, id: string) => present(await store.findUserById(ctx.db, id));

/**
 * A new account for someone their organisation's provider vouched for. It gets a long random
 * password nobody knows: the person signs in through the provider (or sets a password later).
 */
export const createAccountForSso = (ctx: ServiceContext, input: { email: string; displayName: string; language: Language }): Promise<string> =>
  createUser(ctx, { ...input, password: newSecretToken() }, null);
