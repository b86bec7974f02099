import type { AppDeps } from '../../../platform/deps.js';
import type { Ctx } from '../../../platform/context.js';
import { processOutbox } from './consumer.js';
import { hasPendingOutbox } from './repository.js';

/**
 * The push as the publishing process runs it right after a publish commits, so members online hear
 * of it within a second instead of at the job's next tick. One drain at a time per process; a kick
 * during a drain asks for one more, which picks up what was committed meanwhile.
 */
export class PushKicker {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly deps: AppDeps,
    private readonly log: (message: string, error: unknown) => void,
  ) {}

  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Resolves when no drain is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    const ctx: Ctx = {
      actor: null,
      clientIp: null,
      clock: this.deps.clock,
      keys: this.deps.keys,
      config: this.deps.config,
    };
    do {
      this.again = false;
      try {
        if (await hasPendingOutbox(this.deps.db)) await processOutbox(this.deps.db, ctx);
      } catch (error) {
        // The job (library.push) retries what this attempt left in the outbox.
        this.log('资料推送失败', error);
      }
    } while (this.again);
  }
}
