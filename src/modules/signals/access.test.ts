import { describe, expect, it } from 'vitest';
import { canCheck, canHandle, canSee, countsEverySignal, handlesSignals, seesReport, type Viewer } from './access.ts';

const teamA = '00000000-0000-4000-8000-00000000000a';
const teamB = '00000000-0000-4000-8000-00000000000b';
const viewer = (role: string, teams: Viewer['teams'] = [], userId = 'me'): Viewer => ({ userId, role, teams });
const inA = { teamId: teamA, raisedBy: 'someone', status: 'raised' };

describe('who sees and handles a signal', () => {
  it('shows a team signal to its team, the raiser, managers and policy officers only', () => {
    expect(canSee(viewer('member', [{ teamId: teamA, position: 'practitioner' }]), inA)).toBe(true);
    expect(canSee(viewer('member', [{ teamId: teamB, position: 'experience_worker' }]), inA)).toBe(false);
    expect(canSee(viewer('researcher'), inA)).toBe(false);
    expect(canSee(viewer('member', [], 'someone'), inA)).toBe(true);
    expect(canSee(viewer('coordinator'), inA)).toBe(true);
    expect(canSee(viewer('member', [{ teamId: teamB, position: 'policy_officer' }]), inA)).toBe(true);
    expect(canSee(viewer('member'), { ...inA, teamId: null })).toBe(true);
  });

  it('lets managers, policy officers and the team coordinator handle it, not the raiser as such', () => {
    expect(canHandle(viewer('member', [], 'someone'), inA)).toBe(false);
    expect(canHandle(viewer('member', [{ teamId: teamA, position: 'coordinator' }]), inA)).toBe(true);
    expect(canHandle(viewer('member', [{ teamId: teamB, position: 'coordinator' }]), inA)).toBe(false);
    expect(canHandle(viewer('member', [{ teamId: teamB, position: 'policy_officer' }]), inA)).toBe(true);
    expect(canHandle(viewer('admin'), inA)).toBe(true);
    expect(canHandle(viewer('researcher'), inA)).toBe(false);
    expect(handlesSignals(viewer('member', [{ teamId: teamB, position: 'coordinator' }]))).toBe(true);
    expect(handlesSignals(viewer('member', [{ teamId: teamB, position: 'experience_worker' }]))).toBe(false);
  });

  it('opens the report to researchers, coordinators, admins and policy officers', () => {
    expect(seesReport(viewer('researcher'))).toBe(true);
    expect(seesReport(viewer('member'))).toBe(false);
    expect(seesReport(viewer('member', [{ teamId: teamA, position: 'policy_officer' }]))).toBe(true);
  });

  it('asks story authors and the team’s experience workers to check, only while checking', () => {
    const checking = { ...inA, status: 'member_check' };
    expect(canCheck(viewer('member'), checking, ['me'])).toBe(true);
    expect(canCheck(viewer('member', [{ teamId: teamA, position: 'experience_worker' }]), checking, [])).toBe(true);
    expect(canCheck(viewer('member', [{ teamId: teamB, position: 'experience_worker' }]), checking, [])).toBe(false);
    expect(canCheck(viewer('member', [{ teamId: teamB, position: 'experience_worker' }]), { ...checking, teamId: null }, [])).toBe(true);
    expect(canCheck(viewer('admin'), checking, [])).toBe(false);
    expect(canCheck(viewer('member'), inA, ['me'])).toBe(false);
  });

  it('gives small counts in the report only to who may open every signal counted', () => {
    const both = [inA, { ...inA, teamId: teamB }];
    expect(countsEverySignal(viewer('coordinator'), both)).toBe(true);
    expect(countsEverySignal(viewer('member', [{ teamId: teamB, position: 'policy_officer' }]), both)).toBe(true);
    expect(countsEverySignal(viewer('member', [{ teamId: teamA, position: 'practitioner' }]), both)).toBe(false);
    expect(countsEverySignal(viewer('researcher'), both)).toBe(false);
  });
});
