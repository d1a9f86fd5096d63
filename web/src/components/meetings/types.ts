/** The meeting shapes the server sends (its model and presenters), for the web app. Types only. */
export type { LiveSnapshot } from '../../../../src/modules/meetings/live.ts';
export type { DialogueRecordsView, MeetingSummary, MeetingView, PromptView } from '../../../../src/modules/meetings/model.ts';
export type { ModerationItem, PromptResultsView } from '../../../../src/modules/meetings/results-service.ts';
