import type { Ctx } from '../context.js';
import type { AppDeps } from '../deps.js';

export type AuthLevel = 'public' | 'partial' | 'full';

export interface RequestSession {
  id: string;
  stage: 'full' | 'totp' | 'enroll_totp' | 'change_password';
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    session: RequestSession | null;
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    /** Who may call the route: anyone, any signed-in session (mid-login included), or a full session (default). */
    auth?: AuthLevel;
  }
  interface FastifyInstance {
    deps: AppDeps;
  }
}
