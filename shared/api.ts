import { z } from 'zod';
import { agentSchema } from './schemas/agent';
import { instantSchema, uuidSchema } from './schemas/common';

export const healthResponseSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgresql']),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

export const loginRequestSchema = z.object({
  login: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  deviceName: z.string().trim().min(1).max(100),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  token: z.string().min(32),
  deviceId: uuidSchema,
  expiresAt: instantSchema,
  agent: agentSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;
