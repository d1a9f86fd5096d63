import type { Actor, ServiceContext } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { authorize } from '../../core/policy.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import type { FrameworkTable } from '../../db/tables/frameworks.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import { recordAudit } from '../audit/service.ts';
import { builtinFrameworks, getBuiltinFramework, latestBuiltinFrameworks } from './builtin.shared.ts';
import { composeCodes, sameContent } from './compose.ts';
import type { Framework, FrameworkCode, FrameworkView, SaveFrameworkInput } from './model.ts';
import * as store from './store.ts';

const SAVE_ATTEMPTS = 3;

const builtinView = (f: Framework): FrameworkView => ({ ...f, extendsKey: null });

function present(row: FrameworkTable): FrameworkView {
  return {
    key: row.key,
    version: Number(row.version),
    scope: row.organisation_id,
    name: { nl: row.name_nl, en: row.name_en },
    description: { nl: row.description_nl, en: row.description_en },
    codes: JSON.parse(row.codes) as FrameworkCode[],
    extendsKey: row.extends_key,
  };
}

const withoutOrigin = ({ extendsKey: _origin, ...rest }: FrameworkView): Framework => rest;

/** Every version of every built-in framework: public, so the glossary works for anyone. */
export function listBuiltinFrameworks(): FrameworkView[] {
  return builtinFrameworks.map(builtinView);
}

/** The latest version of each built-in framework, then the latest version of each of the organisation's own. */
export async function listFrameworks(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<FrameworkView[]> {
  authorize(actor, 'organisation.view', organisationId);
  const rows = await store.listLatest(ctx.db, organisationId);
  return [...latestBuiltinFrameworks().map(builtinView), ...rows.map(present)];
}

/**
 * The organisation's own framework under this key when it has one (an extension of a built-in
 * framework included), otherwise the built-in one. Without a version: the latest.
 */
async function find(db: Db, organisationId: string, key: string, version?: number): Promise<FrameworkView | undefined> {
  const own = version === undefined ? await store.findLatest(db, organisationId, key) : await store.findVersion(db, organisationId, key, version);
  if (own) return present(own);
  // A key the organisation has is never answered with the built-in version of the same number.
  if (version !== undefined && (await store.findLatest(db, organisationId, key))) return undefined;
  const builtin = getBuiltinFramework(key, version);
  return builtin && builtinView(builtin);
}

export async function getFramework(ctx: ServiceContext, actor: Actor, organisationId: string, key: string, version?: number): Promise<FrameworkView> {
  authorize(actor, 'organisation.view', organisationId);
  const found = await find(ctx.db, organisationId, key, version);
  if (!found) throw notFound();
  return found;
}

/**
 * For other modules: the exact framework version something was recorded with. Pass the
 * framework's scope: null for 'builtin', the organisation id otherwise. With an organisation id,
 * the organisation's own version is returned, or the built-in one when it has no framework under
 * that key. No permission check: call it after your own.
 */
export async function resolveFramework(ctx: ServiceContext, organisationId: string | null, key: string, version: number): Promise<Framework | undefined> {
  if (organisationId === null) return getBuiltinFramework(key, version);
  const found = await find(ctx.db, organisationId, key, version);
  return found && withoutOrigin(found);
}

/**
 * For other modules: the codes of a framework as it stands now, the organisation's own newest version
 * when it has one, else the built-in one (none when neither exists). Takes the caller's database or
 * transaction. No permission check: call it after your own.
 */
export async function currentFrameworkCodes(db: Db, organisationId: string, key: string): Promise<FrameworkCode[]> {
  const own = await store.findLatest(db, organisationId, key);
  return own ? (JSON.parse(own.codes) as FrameworkCode[]) : (getBuiltinFramework(key)?.codes ?? []);
}

/**
 * Saves a new version of an organisation's framework (version 1 for a new key). Old versions are
 * never changed. Saving exactly what the latest version says creates nothing and returns it.
 */
export async function saveFramework(ctx: ServiceContext, actor: Actor, organisationId: string, input: SaveFrameworkInput): Promise<FrameworkView> {
  authorize(actor, 'frameworks.manage', organisationId);
  const composed = composeCodes(input, getBuiltinFramework(input.key), actor.language);
  if (!composed.ok) throw new AppError('validation_failed', { issues: composed.issues });
  const content = { name: input.name, description: input.description, codes: composed.codes };

  const attempt = () =>
    inTransaction(ctx.db, async (trx) => {
      await store.lockKey(trx, ctx.dialect, organisationId, input.key);
      const latest = await store.findLatest(trx, organisationId, input.key);
      if (latest && sameContent(present(latest), content)) return present(latest);
      const now = ctx.clock.now();
      const row: FrameworkTable = {
        id: newId(),
        organisation_id: organisationId,
        key: input.key,
        version: (latest ? Number(latest.version) : 0) + 1,
        name_nl: content.name.nl,
        name_en: content.name.en,
        description_nl: content.description.nl,
        description_en: content.description.en,
        codes: JSON.stringify(content.codes),
        extends_key: composed.extendsKey,
        created_by: actor.userId,
        created_at: now.toISOString(),
      };
      await store.insertFramework(trx, row);
      await recordAudit(trx, now, {
        organisationId,
        actorUserId: actor.userId,
        action: 'framework.saved',
        subjectType: 'framework',
        subjectId: row.id,
        details: { key: row.key, version: row.version, extendsKey: row.extends_key, codes: content.codes.length },
      });
      return present(row);
    });

  // The lock makes concurrent saves of one key wait for each other; should two still compute the
  // same next version, the unique constraint stops the second, which tries again on top of the first.
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (n >= SAVE_ATTEMPTS || ctx.db.isTransaction) throw new AppError('conflict', { cause: error });
    }
  }
}
