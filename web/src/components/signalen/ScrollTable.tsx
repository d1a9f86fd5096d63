import type { ReactNode } from 'react';

/** A wide table scrolls inside its own box on a narrow screen; the box can be reached by keyboard. */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll it with the keyboard
    <section className="scroll-table" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
