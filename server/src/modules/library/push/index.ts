import type { AppDeps } from '../../../platform/deps.js';
import { processOutbox } from './consumer.js';

/** 资料库 push: subscriptions and the outbox consumer that tells followers with access of a publication. */
export { pushRoutes } from './routes.js';
export { processOutbox, PUSH_KIND, type PushResult } from './consumer.js';

/**
 * The worker's sweep of the outbox: publications of the minute job (library.publish-scheduled) and any
 * a publishing process did not finish pushing. The web process pushes its own publishes at once.
 */
export const libraryPushJob = {
  name: 'library.push',
  intervalSeconds: 15,
  run: async (_payload: unknown, deps: AppDeps): Promise<void> => {
    await processOutbox(deps.db, {
      actor: null,
      clientIp: null,
      clock: deps.clock,
      keys: deps.keys,
      config: deps.config,
    });
  },
};
