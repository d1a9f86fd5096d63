import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.ts';
import type { MeetingTable } from '../../db/tables/meetings.ts';
import { cachedMeetingByCode, meetingsChanged } from './hot-cache.ts';

/** The phones' cache (hot-cache.ts): a meeting is read once for all the requests that want it at the same moment. */
describe('the phones cache of a meeting', () => {
  const row = { id: 'm1', join_code: 'ACEFGH' } as MeetingTable;
  const pendingReads = () => {
    const releases: ((value: MeetingTable | undefined) => void)[] = [];
    const load = () => new Promise<MeetingTable | undefined>((resolve) => releases.push(resolve));
    return { releases, load };
  };

  it('reads once while a hundred answers ask for it together', async () => {
    const db = {} as Db;
    const { releases, load } = pendingReads();
    const asked = Array.from({ length: 100 }, () => cachedMeetingByCode(db, 'ACEFGH', load));
    expect(releases).toHaveLength(1);
    releases[0]?.(row);
    expect(new Set(await Promise.all(asked))).toEqual(new Set([row]));
    // Then from memory, without a read.
    expect(await cachedMeetingByCode(db, 'ACEFGH', load)).toBe(row);
    expect(releases).toHaveLength(1);
  });

  it('does not share a read that started before a write with the requests after it', async () => {
    const db = {} as Db;
    const { releases, load } = pendingReads();
    const before = cachedMeetingByCode(db, 'ACEFGH', load);
    meetingsChanged();
    const after = cachedMeetingByCode(db, 'ACEFGH', load);
    expect(releases).toHaveLength(2);
    const changed = { ...row, status: 'closed' } as MeetingTable;
    releases[0]?.(row);
    releases[1]?.(changed);
    expect(await before).toBe(row);
    expect(await after).toBe(changed);
  });

  it('shares a read of an unknown code but keeps no answer for it', async () => {
    const db = {} as Db;
    const { releases, load } = pendingReads();
    const asked = [cachedMeetingByCode(db, 'XXXXXX', load), cachedMeetingByCode(db, 'XXXXXX', load)];
    expect(releases).toHaveLength(1);
    releases[0]?.(undefined);
    expect(await Promise.all(asked)).toEqual([undefined, undefined]);
    const again = cachedMeetingByCode(db, 'XXXXXX', load);
    expect(releases).toHaveLength(2);
    releases[1]?.(undefined);
    expect(await again).toBeUndefined();
  });
});
