import { AppError, type FieldIssue } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import type { StoryTagTable } from '../../db/tables/stories.ts';
import { currentFrameworkCodes } from '../frameworks/service.ts';
import { type StoryTags, tagFrameworks } from './model.ts';

/** The codes a story may carry for a framework: the organisation's own version when it has one, else the built-in one. */
async function allowedCodes(db: Db, organisationId: string, framework: string): Promise<Set<string>> {
  const codes = await currentFrameworkCodes(db, organisationId, framework);
  return new Set(codes.map((c) => c.key));
}

/** Checks every code against its framework and returns the rows to store; unknown codes are a validation error. */
export async function tagRows(db: Db, organisationId: string, storyId: string, tags: StoryTags): Promise<StoryTagTable[]> {
  const issues: FieldIssue[] = [];
  const rows: StoryTagTable[] = [];
  for (const framework of tagFrameworks) {
    const codes = [...new Set(tags[framework] ?? [])];
    if (codes.length === 0) continue;
    const allowed = await allowedCodes(db, organisationId, framework);
    for (const code of codes) {
      if (allowed.has(code)) rows.push({ story_id: storyId, framework, code });
      else issues.push({ path: `tags.${framework}`, message: `Unknown code: ${code}` });
    }
  }
  if (issues.length) throw new AppError('validation_failed', { issues });
  return rows;
}
