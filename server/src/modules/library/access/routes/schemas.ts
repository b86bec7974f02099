import { z } from 'zod';

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const version = z.number().int().min(1);
export const reason = z.string().trim().min(1, '请填写原因').max(500);
export const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const planInput = z.object({
  name: z.string().trim().min(1, '请填写方案名称').max(40),
  tier: z.enum(['free', 'member']),
  periodUnit: z.enum(['day', 'month']),
  periodCount: z.number().int().min(1).max(120),
  backYears: z.number().int().min(0).max(50),
  priceCents: z.number().int().min(0).max(100_000_000),
  active: z.boolean(),
});
