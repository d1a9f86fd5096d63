import { describe, expect, it } from 'vitest';
import { QueueFull, WorkQueue } from './work-queue.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('WorkQueue', () => {
  it('runs at most `concurrency` jobs at once, in order, and every job finishes', async () => {
    const queue = new WorkQueue(2, 10);
    let now = 0;
    let most = 0;
    const order: number[] = [];
    const jobs = [1, 2, 3, 4, 5, 6].map((n) =>
      queue.run(async () => {
        now++;
        most = Math.max(most, now);
        order.push(n);
        await tick();
        now--;
        return n * 10;
      }),
    );
    expect(await Promise.all(jobs)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(most).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5, 6]);
    expect(queue.active).toBe(0);
    expect(queue.queued).toBe(0);
  });

  it('refuses a job at once when the waiting line is full, and a failing job frees its place', async () => {
    const queue = new WorkQueue(1, 1);
    const first = queue.run(async () => {
      await tick();
      throw new Error('kapot');
    });
    const second = queue.run(async () => 'tweede');
    await expect(queue.run(async () => 'derde')).rejects.toBeInstanceOf(QueueFull);
    await expect(first).rejects.toThrow('kapot');
    expect(await second).toBe('tweede');
    expect(await queue.run(async () => 'vierde')).toBe('vierde');
    expect(queue.active).toBe(0);
  });
});
