import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERROR_CODES } from '../../../../shared/src/errors.js';
import { fieldLabel } from '../../../../shared/src/fields.js';
import { AppError } from './errors.js';

/** Refusals of access are security events: each is audited apart from the failed request. */
const DENIALS = new Set<string>(['FORBIDDEN', 'MEMBERSHIP_REQUIRED', 'NOT_FOUND', 'CSRF_REJECTED']);

export interface DeniedHook {
  (error: AppError, req: import('fastify').FastifyRequest): Promise<void>;
}

/** One error format for the whole API: `{ code, message, details }`, message in Chinese naming the field. */
export function installErrorHandler(app: FastifyInstance, onDenied: DeniedHook): void {
  app.setErrorHandler(async (error: FastifyError | AppError, req, reply) => {
    if (error instanceof AppError) {
      if (DENIALS.has(error.code)) {
        await onDenied(error, req).catch((e: unknown) => req.log.error(e, 'denial audit failed'));
      }
      return reply
        .code(error.status)
        .send({ code: error.code, message: error.message, details: error.details ?? null });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => {
        const path = v.instancePath.split('/').filter(Boolean);
        return { field: path.join('.'), message: `${fieldLabel(path)}：${v.message ?? '无效'}` };
      });
      return reply.code(400).send({
        code: 'VALIDATION_FAILED',
        message: issues.map((i) => i.message).join('；'),
        details: { issues },
      });
    }
    if (isResponseSerializationError(error)) {
      req.log.error({ issues: error.cause.issues }, 'response does not match its schema');
      return reply.code(500).send({ code: 'INTERNAL', message: ERROR_CODES.INTERNAL, details: null });
    }
    if (error.statusCode === 429) {
      return reply.code(429).send({ code: 'RATE_LIMITED', message: ERROR_CODES.RATE_LIMITED, details: null });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const message =
        error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? '不支持的内容类型'
          : `请求格式错误：${error.message}`;
      return reply.code(error.statusCode).send({ code: 'VALIDATION_FAILED', message, details: null });
    }
    req.log.error(error);
    return reply.code(500).send({ code: 'INTERNAL', message: ERROR_CODES.INTERNAL, details: null });
  });
  app.setNotFoundHandler((req, reply) => {
    void reply
      .code(404)
      .send({ code: 'NOT_FOUND', message: `接口不存在：${req.method} ${req.url}`, details: null });
  });
}
