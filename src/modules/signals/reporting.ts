import type { Actor, ServiceContext } from '../../core/context.ts';
import { forbidden } from '../../core/errors.ts';
import { authorize, can } from '../../core/policy.ts';
import { discloseCrossTable, discloseFrequencies, disclosureThreshold } from '../analysis/core/index.ts';
import { auditUnsuppressedOrganisationReport } from '../analysis/unsuppressed-view.ts';
import { getFramework } from '../frameworks/service.ts';
import { canHandle, countsEverySignal, handlesSignals, seesReport } from './access.ts';
import { type SignalReportView, type SignalSummary, signalLevels } from './model.ts';
import { factsOf, summaryOf, viewerOf } from './service.ts';
import * as store from './store.ts';
import { type SignalStatus, signalStatuses, waitsTooLong } from './workflow.ts';

/** For the people who handle signals: how many are where, and which wait too long for an answer. */
export async function overview(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  days: number,
): Promise<{ days: number; waiting: SignalSummary[]; counts: { status: SignalStatus; count: number }[] }> {
  authorize(actor, 'signals.view', organisationId);
  const viewer = await viewerOf(ctx.db, actor, organisationId);
  if (!handlesSignals(viewer)) throw forbidden();
  const now = ctx.clock.now();
  const mine = (await store.listSignals(ctx.db, organisationId)).filter((row) => canHandle(viewer, factsOf(row)));
  const waiting = mine
    .filter((row) => waitsTooLong(row.status as SignalStatus, row.last_step_at, now, days))
    .map((row) => summaryOf(row, actor, now))
    .sort((a, b) => (b.daysWaiting ?? 0) - (a.daysWaiting ?? 0));
  const counts = signalStatuses.map((status) => ({ status, count: mine.filter((row) => row.status === status).length }));
  return { days, waiting, counts };
}

const NO_THEME = { nl: 'Zonder thema', en: 'No theme' };

/**
 * Signals per theme and level for policy. Themes still being checked with the people concerned are
 * left out. Who may not see raw figures gets small cells suppressed, as in the survey reports.
 */
export async function signalReport(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<SignalReportView> {
  authorize(actor, 'signals.view', organisationId);
  const viewer = await viewerOf(ctx.db, actor, organisationId);
  if (!seesReport(viewer)) throw forbidden();
  const rows = (await store.listSignals(ctx.db, organisationId)).filter((row) => row.status !== 'member_check');
  const suppress = !can(actor, 'reports.raw', organisationId) && !countsEverySignal(viewer, rows.map(factsOf));
  const themeFramework = await getFramework(ctx, actor, organisationId, 'themes');
  const usedThemes = new Set(rows.map((r) => r.theme));
  const themes = [
    ...themeFramework.codes.filter((c) => usedThemes.has(c.key)).map((c) => ({ key: c.key as string | null, label: c.label })),
    ...[...usedThemes]
      .filter((t) => t !== null && !themeFramework.codes.some((c) => c.key === t))
      .map((t) => ({ key: t, label: { nl: t ?? '', en: t ?? '' } })),
    ...(usedThemes.has(null) ? [{ key: null, label: NO_THEME }] : []),
  ];
  const levels = [...signalLevels];
  const counts = themes.map((theme) => levels.map((level) => rows.filter((r) => r.theme === theme.key && r.level === level).length));
  const reported = signalStatuses.filter((s) => s !== 'member_check');
  const statusCells = reported.map((status) => ({ key: status, count: rows.filter((r) => r.status === status).length }));
  const k = disclosureThreshold(await store.findThreshold(ctx.db, organisationId));

  if (!suppress) {
    await auditUnsuppressedOrganisationReport(ctx, actor, organisationId, 'signals');
    const exact = (count: number) => ({ count, suppressed: null });
    return {
      themes,
      levels,
      cells: counts.map((row) => row.map(exact)),
      themeTotals: counts.map((row) => exact(row.reduce((s, v) => s + v, 0))),
      levelTotals: levels.map((_, j) => exact(counts.reduce((s, row) => s + (row[j] ?? 0), 0))),
      total: exact(rows.length),
      byStatus: statusCells.map((c) => ({ status: c.key, count: exact(c.count) })),
      disclosure: { suppressed: false, threshold: k, tooFew: false, explanation: [] },
    };
  }
  const table = themes.length > 0 ? discloseCrossTable(counts, k) : null;
  const byStatus = discloseFrequencies(statusCells, rows.length, k);
  const empty = { count: table ? null : 0, suppressed: null };
  return {
    themes,
    levels,
    cells: table ? table.cells : [],
    themeTotals: table ? table.rowTotals : [],
    levelTotals: table ? table.colTotals : levels.map(() => empty),
    total: table ? table.total : { count: rows.length < k ? null : 0, suppressed: null },
    byStatus: reported.map((status, i) => ({ status, count: byStatus.cells[i] ?? { count: null, suppressed: null } })),
    disclosure: {
      suppressed: true,
      threshold: k,
      tooFew: table ? table.tooFew : byStatus.tooFew,
      explanation: [...(table?.explanation ?? []), ...byStatus.explanation.filter((e) => !table?.explanation.some((x) => x.nl === e.nl))],
    },
  };
}
