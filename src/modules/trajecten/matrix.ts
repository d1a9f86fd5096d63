import { getBuiltinFramework } from '../frameworks/builtin.shared.ts';
import type { TrajectoryState } from './state.ts';

/**
 * The team's knowledge as a matrix of members × kinds of knowledge: experiential knowledge from each
 * of the three positions (the knowledge_positions framework), professional knowledge and other
 * knowledge. A gap is a kind of knowledge nobody in the team brings.
 */
export const knowledgeColumns = (): string[] => [...(getBuiltinFramework('knowledge_positions')?.codes.map((c) => c.key) ?? []), 'professioneel', 'ander'];

export type KnowledgeMatrix = {
  columns: string[];
  rows: { userId: string; displayName: string; cells: boolean[]; answered: boolean }[];
  gaps: string[];
};

export function knowledgeMatrix(state: Pick<TrajectoryState, 'members' | 'contributions'>): KnowledgeMatrix {
  const columns = knowledgeColumns();
  const rows = state.members.map((member) => {
    const c = state.contributions.find((x) => x.userId === member.userId);
    const has = (column: string) => {
      if (!c) return false;
      if (column === 'professioneel') return c.professional;
      if (column === 'ander') return c.otherNote.trim() !== '';
      return c.experiential && c.positions.includes(column);
    };
    return { userId: member.userId, displayName: member.displayName, cells: columns.map(has), answered: c !== undefined };
  });
  const gaps = columns.filter((_, i) => !rows.some((r) => r.cells[i]));
  return { columns, rows, gaps };
}
