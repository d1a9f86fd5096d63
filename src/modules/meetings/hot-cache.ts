import type { Db } from '../../db/database.ts';
import type { MeetingPromptTable, MeetingTable } from '../../db/tables/meetings.ts';

/**
 * A meeting's row and prompts, read by every phone's request, kept in memory for half a second.
 * Any write to a meeting or a prompt in this process (store.ts) and every "state" event from the
 * bus (other processes) start a new generation, so a change is seen at once here and as soon as its
 * event arrives elsewhere; the half second only bounds a write that raced a read.
 */

const TTL_MS = 500;
const MAX_ENTRIES = 1000;
let generation = 0;

type Entry<T> = { value: T; generation: number; until: number };
/** A read under way, shared by every request for the same key in the same generation. */
type Loading<T> = { promise: Promise<T | undefined>; generation: number };
type Maps<T> = { entries: WeakMap<Db, Map<string, Entry<T>>>; loading: WeakMap<Db, Map<string, Loading<T>>> };
const meetingsByCode: Maps<MeetingTable> = { entries: new WeakMap(), loading: new WeakMap() };
const promptsByMeeting: Maps<MeetingPromptTable[]> = { entries: new WeakMap(), loading: new WeakMap() };

export function meetingsChanged(): void {
  generation += 1;
}

const mapOf = <V>(maps: WeakMap<Db, Map<string, V>>, db: Db): Map<string, V> => {
  let map = maps.get(db);
  if (!map) {
    map = new Map();
    maps.set(db, map);
  }
  return map;
};

/**
 * The cached value, or one read for all: when an entry runs out while hundreds of answers arrive at
 * once, they wait for the same read instead of each reading the meeting again. A read that started
 * before a write (an older generation) is not shared with requests after it.
 */
function cached<T>(maps: Maps<T>, db: Db, key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
  const entries = mapOf(maps.entries, db);
  const now = Date.now();
  const hit = fresh(entries, key, now);
  if (hit !== undefined) return Promise.resolve(hit);
  const loading = mapOf(maps.loading, db);
  const underWay = loading.get(key);
  if (underWay && underWay.generation === generation) return underWay.promise;
  const read = { generation } as Loading<T>;
  read.promise = (async () => {
    try {
      const value = await load();
      if (entries.size >= MAX_ENTRIES) entries.clear();
      // Not cached when missing (an unknown code stays a counted guess) or when a write came in between.
      if (value !== undefined && read.generation === generation) entries.set(key, { value, generation: read.generation, until: now + TTL_MS });
      else entries.delete(key);
      return value;
    } finally {
      if (loading.get(key) === read) loading.delete(key);
    }
  })();
  loading.set(key, read);
  return read.promise;
}

/** The entry's value while it is of this generation and not run out. */
function fresh<T>(entries: Map<string, Entry<T>> | undefined, key: string, now: number): T | undefined {
  const hit = entries?.get(key);
  return hit && hit.generation === generation && hit.until > now ? hit.value : undefined;
}

/**
 * The cached value at once, without a promise, or undefined when it is not cached (then call the
 * cached reader below): a live answer reads the meeting and its prompts, and most of the time they are here.
 */
export const peekMeetingByCode = (db: Db, code: string): MeetingTable | undefined => fresh(meetingsByCode.entries.get(db), code, Date.now());
export const peekPrompts = (db: Db, meetingId: string): MeetingPromptTable[] | undefined => fresh(promptsByMeeting.entries.get(db), meetingId, Date.now());

export const cachedMeetingByCode = (db: Db, code: string, load: () => Promise<MeetingTable | undefined>) => cached(meetingsByCode, db, code, load);

export const cachedPrompts = (db: Db, meetingId: string, load: () => Promise<MeetingPromptTable[]>) => cached(promptsByMeeting, db, meetingId, load);
