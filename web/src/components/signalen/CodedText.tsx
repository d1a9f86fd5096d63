import { forwardRef } from 'react';
import type { Code, Segment } from './types.ts';

/** Splits the text at every segment boundary; each piece inside a segment is marked in its code's colour. */
type Marked = Pick<Segment, 'start' | 'end' | 'codeId'>;

function pieces(text: string, segments: Marked[]) {
  const cuts = new Set([0, text.length]);
  for (const s of segments) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  return points.slice(0, -1).map((start, i) => {
    const end = points[i + 1] ?? text.length;
    return { start, end, covering: segments.filter((s) => s.start <= start && s.end >= end) };
  });
}

type Props = { text: string; segments: Marked[]; codes: Code[]; label: string };

/**
 * The text of a story or reflection with its coded parts highlighted. Only text nodes go inside,
 * so the browser's selection maps to character offsets of the text (see selectionOffsets).
 */
export const CodedText = forwardRef<HTMLDivElement, Props>(function CodedText({ text, segments, codes, label }, ref) {
  const colour = (codeId: string) => codes.find((c) => c.id === codeId)?.colour ?? '#1f77b4';
  const name = (codeId: string) => codes.find((c) => c.id === codeId)?.name ?? '';
  return (
    <div ref={ref} className="coding-text" aria-label={label} role="document">
      {pieces(text, segments).map((piece) => {
        const part = text.slice(piece.start, piece.end);
        const first = piece.covering[0];
        if (!first) return part;
        return (
          <mark
            key={piece.start}
            style={{ '--mark-colour': colour(first.codeId) } as React.CSSProperties}
            title={piece.covering.map((s) => name(s.codeId)).join(', ')}
          >
            {part}
          </mark>
        );
      })}
    </div>
  );
});

/** The current selection as offsets into the container's text, or null when nothing inside it is selected. */
export function selectionOffsets(container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return { start, end: start + range.toString().length };
}
