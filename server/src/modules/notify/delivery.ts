import { z } from 'zod';
import type { Executor } from '../../platform/db/schema.js';
import { nowIso, type Ctx } from '../../platform/context.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { recordAudit } from '../audit/index.js';
import { enqueueJob, type JobHandler } from '../jobs/index.js';
import { departmentOfTarget, robotSettings, smtpSettings } from './channels.js';
import { DELIVERY_JOB, DELIVERY_MAX_ATTEMPTS } from './notify.js';
import { findDelivery, updateDelivery, type DeliveryRow } from './repository.js';
import { postRobot, sendEmail } from './senders.js';

const payloadSchema = z.object({ deliveryId: z.number().int().positive() });

/**
 * The job behind every delivery. A failure is counted on the delivery and thrown, so the job runner
 * retries with its backoff; the attempt that reaches max_attempts leaves the delivery 'failed' for the
 * administrators. A delivery no longer queued (sent, failed) is left alone, so a rerun sends nothing.
 */
export const deliverNotification: JobHandler = async (payload: unknown, deps: AppDeps) => {
  const { deliveryId } = payloadSchema.parse(payload);
  const { db, clock, keys } = deps;
  const delivery = await findDelivery(db, deliveryId);
  if (!delivery || delivery.status !== 'queued') return;
  const message = { title: delivery.title, body: delivery.body, link: delivery.link };
  try {
    if (delivery.channel === 'email') await sendEmail(await smtpSettings(db, keys), delivery.target, message);
    else
      await postRobot(
        delivery.channel,
        await robotSettings(db, keys, delivery.channel, departmentOfTarget(delivery.target)),
        message,
        clock.now(),
      );
  } catch (error) {
    const attempts = delivery.attempts + 1;
    const now = clock.now().toISOString();
    await updateDelivery(db, deliveryId, 'queued', {
      attempts,
      status: attempts >= delivery.max_attempts ? 'failed' : 'queued',
      last_error: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
      updated_at: now,
    });
    throw error;
  }
  const now = clock.now().toISOString();
  await updateDelivery(db, deliveryId, 'queued', {
    attempts: delivery.attempts + 1,
    status: 'sent',
    sent_at: now,
    last_error: null,
    updated_at: now,
  });
};

/** An administrator sends a failed delivery again, with fresh attempts. */
export async function retryDelivery(trx: Executor, ctx: Ctx, id: number): Promise<DeliveryRow> {
  const now = nowIso(ctx);
  const before = await findDelivery(trx, id);
  if (!before) throw notFound('发送记录');
  const after = await updateDelivery(trx, id, 'failed', {
    status: 'queued',
    attempts: 0,
    max_attempts: DELIVERY_MAX_ATTEMPTS,
    run_at: now,
    updated_at: now,
  });
  if (!after) throw new AppError('INVALID_STATE', '只有发送失败的记录可以重试');
  await enqueueJob(trx, ctx, {
    name: DELIVERY_JOB,
    payload: { deliveryId: id },
    maxAttempts: DELIVERY_MAX_ATTEMPTS,
  });
  await recordAudit(trx, ctx, {
    action: 'notify.delivery.retry',
    objectType: 'delivery',
    objectId: id,
    changes: { channel: before.channel, attempts: before.attempts, lastError: before.last_error },
  });
  return after;
}
