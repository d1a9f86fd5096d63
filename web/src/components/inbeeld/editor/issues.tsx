import { createContext, type RefObject, useContext } from 'react';
import { useT } from '../../../i18n.ts';
import { anchorId } from './model.ts';

/** A problem the server found, placed: `anchor` says which field (see anchorOf), `where` says it in words. */
export type PlacedIssue = { anchor: string; where: string; message: string };

const IssueContext = createContext<readonly PlacedIssue[]>([]);
export const IssueProvider = IssueContext.Provider;

/** The message(s) for exactly this field, if the server named it. */
export function useIssue(anchor: string): string | undefined {
  const issues = useContext(IssueContext);
  const messages = issues.filter((issue) => issue.anchor === anchor).map((issue) => issue.message);
  return messages.length ? [...new Set(messages)].join(' ') : undefined;
}

/** Is anything wrong inside this part (a question, a section)? Then it opens by itself. */
export function useHasIssuesWithin(uid: string): boolean {
  const issues = useContext(IssueContext);
  return issues.some((issue) => issue.anchor === uid || issue.anchor.startsWith(`${uid}/`));
}

/**
 * Moves the focus to the field of an anchor, or to the nearest part around it that is on the page
 * (the options list, the question, the section).
 */
export function focusAnchor(anchor: string): void {
  const parts = anchor.split('/');
  for (let length = parts.length; length > 0; length--) {
    const element = document.getElementById(anchorId(parts.slice(0, length).join('/')));
    if (!element) continue;
    const target =
      element.matches('input, select, textarea, button, [tabindex]') && !element.matches('[type="hidden"]')
        ? element
        : element.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea, [tabindex="-1"], button');
    const focusable = target ?? element;
    if (!focusable.hasAttribute('tabindex') && focusable === element) focusable.setAttribute('tabindex', '-1');
    focusable.focus();
    focusable.scrollIntoView({ block: 'center' });
    return;
  }
}

/**
 * "Kijk deze punten na": every problem with where it is, each a link to its field. Its heading
 * takes the focus after a failed save, so a screen reader reads it first (no alert role: that
 * would read it twice).
 */
export function IssueSummary({ issues, headingRef }: { issues: readonly PlacedIssue[]; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { t } = useT();
  if (issues.length === 0) return null;
  return (
    <div className="error-alert issue-summary">
      <h2 id="issue-summary-heading" ref={headingRef} tabIndex={-1}>
        {t('inBeeld.editor.issuesHeading', { count: issues.length })}
      </h2>
      <ul>
        {issues.map((issue, index) => (
          // The same problem can come twice (two options with one key): the position keeps them apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity of their own
          <li key={`${issue.anchor}-${index}`}>
            <a
              href={`#${anchorId(issue.anchor)}`}
              onClick={(event) => {
                event.preventDefault();
                focusAnchor(issue.anchor);
              }}
            >
              {issue.where ? `${issue.where}: ` : ''}
              {issue.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
