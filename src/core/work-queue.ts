/**
 * Runs at most `concurrency` jobs at once; the others wait their turn in order. When `maxWaiting`
 * jobs already wait, a new one is refused at once (QueueFull) instead of piling up in memory.
 */
export class QueueFull extends Error {
  constructor() {
    super('queue_full');
    this.name = 'QueueFull';
  }
}

export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    else if (this.waiting.length >= this.maxWaiting) throw new QueueFull();
    // The finishing job hands its place straight to the next one, so `running` stays put.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
