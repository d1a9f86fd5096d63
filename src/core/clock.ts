/** Timestamps are stored as ISO 8601 UTC text: sortable and identical on SQLite and PostgreSQL. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };

export const isoNow = (clock: Clock): string => clock.now().toISOString();

export const addMinutes = (date: Date, minutes: number): Date => new Date(date.getTime() + minutes * 60_000);
