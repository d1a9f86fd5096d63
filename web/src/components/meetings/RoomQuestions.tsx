import { useT } from '../../i18n.ts';
import type { PromptResultsView } from './types.ts';

type Question = NonNullable<PromptResultsView['questions']>[number];
export type QuestionDecision = 'pin' | 'unpin' | 'answered';

/** The room's approved questions for the moderator: pin one to the top, or mark it answered. */
export function RoomQuestions({ questions, decide }: { questions: Question[]; decide: (id: string, decision: QuestionDecision) => void }) {
  const { t } = useT();
  return (
    <section aria-labelledby="panel-questions">
      <h2 id="panel-questions">{t('meetings.questions.title', { count: questions.length })}</h2>
      {questions.length === 0 ? (
        <p>{t('meetings.questions.none')}</p>
      ) : (
        <ul className="meeting-moderation">
          {questions.map((q) => (
            <li key={q.id}>
              <p id={`question-${q.id}`}>
                {q.text} <span className="meeting-points">(+{q.votes})</span>
              </p>
              <p className="meeting-note">
                {[q.pinned ? t('meetings.questions.isPinned') : null, q.answered ? t('meetings.questions.isAnswered') : t('meetings.questions.open')]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <div className="button-row">
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-describedby={`question-${q.id}`}
                  onClick={() => decide(q.id, q.pinned ? 'unpin' : 'pin')}
                >
                  {q.pinned ? t('meetings.questions.unpin') : t('meetings.questions.pin')}
                </button>
                {!q.answered && (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    aria-describedby={`question-${q.id}`}
                    onClick={() => decide(q.id, 'answered')}
                  >
                    {t('meetings.questions.markAnswered')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
