import { createHash, randomUUID } from 'node:crypto';
import type { Actor, ServiceContext } from '../../core/context.ts';
import { authorize } from '../../core/policy.ts';
import { inTransaction } from '../../db/database.ts';
import { displayNames } from '../../db/display-names.ts';
import { recordAudit } from '../audit/service.ts';
import { answerKey, visibleAnswerSegments } from './answers.ts';
import type { QdaCode, QdaProject, QdaSelection, QdaSource } from './refi-qda/model.ts';
import { buildQdpx } from './refi-qda/qdpx.ts';
import * as store from './store.ts';
import { visibleMemos, visibleSegments } from './visible.ts';

const positionWords = {
  nl: { experience_worker: 'ervaringswerker', practitioner: 'praktijkwerker', coordinator: 'coördinator', policy_officer: 'beleidsmedewerker' },
  en: { experience_worker: 'experience worker', practitioner: 'practitioner', coordinator: 'coordinator', policy_officer: 'policy officer' },
} as const;

/** A stable GUID for a text that has no id of its own (an answer is a response and a question). */
function guidOf(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The coded material as a REFI-QDA project (.qdpx) for ATLAS.ti, NVivo, MAXQDA or QualCoder.
 * Read anew through the stories access API: withdrawn or narrowed stories and their segments
 * are not in it. Authors appear only by pseudonym; coders and memo writers by name.
 */
export async function exportQdpx(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  authorize(actor, 'coding.work', organisationId);
  const lang = actor.language;
  const [codes, { sources, segments }, name] = await Promise.all([
    store.listCodes(ctx.db, organisationId),
    visibleSegments(ctx, actor, organisationId),
    store.organisationName(ctx.db, organisationId),
  ]);
  const answers = await visibleAnswerSegments(ctx, actor, organisationId);
  const memos = await visibleMemos(ctx, organisationId, new Set([...segments, ...answers.segments].map((s) => s.id)));
  const now = ctx.clock.now().toISOString();

  const people = new Set<string>([actor.userId]);
  for (const c of codes) if (c.created_by) people.add(c.created_by);
  for (const s of [...segments, ...answers.segments]) if (s.createdBy) people.add(s.createdBy.id);
  for (const m of memos) if (m.createdBy) people.add(m.createdBy.id);
  const names = await displayNames(ctx.db, [...people]);
  const userGuid = (id: string | null | undefined) => (id && names.has(id) ? id : actor.userId);

  const memoGuids = (kind: string, id: string | null) => memos.filter((m) => m.targetKind === kind && m.targetId === id).map((m) => m.id);
  const childrenOf = (parentId: string | null): QdaCode[] =>
    codes
      .filter((c) => c.parent_id === parentId)
      .map((c) => ({ guid: c.id, name: c.name, description: c.description, colour: c.colour, noteGuids: memoGuids('code', c.id), children: childrenOf(c.id) }));
  // A code whose parent is gone still belongs at the top.
  const codeIds = new Set(codes.map((c) => c.id));
  const roots = [...childrenOf(null), ...codes.filter((c) => c.parent_id !== null && !codeIds.has(c.parent_id)).flatMap((c) => childrenOf(c.parent_id))];

  type Coded = { id: string; codeId: string; start: number; end: number; quote: string; createdBy: { id: string } | null; createdAt: string };
  /** One PlainTextSelection per coded range, with a Coding for each code on it. */
  const selectionsOf = (mine: Coded[]): QdaSelection[] => {
    const ranges = new Map<string, Coded[]>();
    for (const s of mine) ranges.set(`${s.start}-${s.end}`, [...(ranges.get(`${s.start}-${s.end}`) ?? []), s]);
    return [...ranges.values()].map((group) => {
      const first = group[0] as Coded;
      return {
        guid: randomUUID(),
        name: first.quote.length > 60 ? `${first.quote.slice(0, 57)}…` : first.quote,
        start: first.start,
        end: first.end,
        creatingUser: userGuid(first.createdBy?.id),
        createdAt: first.createdAt,
        codings: group.map((s) => ({ guid: s.id, codeGuid: s.codeId, creatingUser: userGuid(s.createdBy?.id), createdAt: s.createdAt })),
        noteGuids: group.flatMap((s) => memoGuids('segment', s.id)),
      };
    });
  };

  const qdaSources: QdaSource[] = sources.map((source) => {
    const selections = selectionsOf(segments.filter((s) => s.sourceKind === source.kind && s.sourceId === source.id));
    const position = source.position ? positionWords[lang][source.position] : null;
    const kind = source.kind === 'story' ? (lang === 'nl' ? 'Verhaal' : 'Story') : lang === 'nl' ? 'Reflectie op' : 'Reflection on';
    const author = source.pseudonym ?? (lang === 'nl' ? 'anoniem' : 'anonymous');
    return {
      guid: source.id,
      name: `${kind}: ${source.title}`,
      description: [author, position, source.sector, source.createdOn].filter(Boolean).join(' · '),
      text: source.text,
      creatingUser: actor.userId,
      createdAt: `${source.createdOn}T00:00:00Z`,
      selections,
    };
  });

  // Survey open answers: one text source per response and question, named by round and question, never by respondent.
  const answerWord = lang === 'nl' ? 'Open antwoord' : 'Open answer';
  const answerSources: QdaSource[] = answers.answers.map((a) => ({
    guid: guidOf(`answer:${answerKey(a.responseId, a.question)}`),
    name: `${answerWord}: ${a.roundName} · ${a.question}`,
    description: [a.roundName, a.question, a.submittedOn].filter(Boolean).join(' · '),
    text: a.text,
    creatingUser: actor.userId,
    createdAt: `${a.submittedOn ?? now.slice(0, 10)}T00:00:00Z`,
    selections: selectionsOf(answers.segments.filter((s) => s.responseId === a.responseId && s.question === a.question)),
  }));

  const project: QdaProject = {
    name: `Kruisbestuiving — ${name}`,
    origin: 'Kruisbestuiving',
    creatingUser: actor.userId,
    createdAt: now,
    description:
      lang === 'nl'
        ? 'Gecodeerde verhalen en reflecties gedeeld voor onderzoek, en open antwoorden uit bevragingen.'
        : 'Coded stories and reflections shared for research, and open answers from surveys.',
    users: [...people].filter((id) => names.has(id)).map((id) => ({ guid: id, name: names.get(id) ?? '' })),
    codes: roots,
    sources: [...qdaSources, ...answerSources],
    notes: memos.map((m) => ({ guid: m.id, name: m.title, text: m.body, creatingUser: userGuid(m.createdBy?.id), createdAt: m.createdAt })),
    projectNoteGuids: memoGuids('project', null),
  };
  const bytes = buildQdpx(project);
  await inTransaction(ctx.db, (trx) =>
    recordAudit(trx, ctx.clock.now(), {
      organisationId,
      actorUserId: actor.userId,
      action: 'coding.exported',
      subjectType: 'organisation',
      subjectId: organisationId,
      details: { format: 'qdpx', sources: qdaSources.length + answerSources.length, segments: segments.length + answers.segments.length },
    }),
  );
  return { fileName: `kruisbestuiving-codering-${now.slice(0, 10)}.qdpx`, bytes };
}
