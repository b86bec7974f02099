import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { installErrorHandler, type DeniedHook } from './error-handler.js';
import { securityHeaders } from './security-headers.js';
import { serveWebApp } from './web-static.js';
import './types.js';

z.config(z.locales.zhCN());

export interface Module {
  name: string;
  register(app: FastifyInstance): void | Promise<void>;
}

export interface BuildOptions {
  modules: readonly Module[];
  onDenied: DeniedHook;
  logger?: boolean | { level: string };
  serveWeb?: boolean;
}

/** The HTTP app: security headers, cookies, rate limits, schemas and OpenAPI, then each module's routes. */
export async function buildHttpApp(deps: AppDeps, options: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 10 * 1024 * 1024,
    // Per-request lines would drown the log; errors and the audit trail record what matters.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.decorate('deps', deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const headers = securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design writes its styles at run time; scripts stay strictly same-origin.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: deps.config.secureCookies,
  });
  app.decorateRequest('ctx', null as never);
  app.addHook('onRequest', async (req, reply) => {
    req.ctx = { actor: null, clientIp: req.ip, clock: deps.clock, keys: deps.keys, config: deps.config };
    reply.headers(headers);
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false, keyGenerator: (req) => req.ip });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '落实 Luoshi API',
        version: '0.1.0',
        description: '所有错误均为 { code, message, details }，message 为中文并指明字段。',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  installErrorHandler(app, options.onDenied);
  app.get(
    '/api/health',
    {
      config: { auth: 'public' },
      schema: { tags: ['系统'], summary: '健康检查', response: { 200: z.object({ ok: z.boolean() }) } },
    },
    async () => ({ ok: true }),
  );

  for (const module of options.modules) await module.register(app);
  if (options.serveWeb !== false) await serveWebApp(app);
  return app;
}
