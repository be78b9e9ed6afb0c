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
  /** This installation of the app (issue 7): the server answers its recovery key for the agent. */
  installId: uuidSchema.optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  token: z.string().min(32),
  deviceId: uuidSchema,
  expiresAt: instantSchema,
  agent: agentSchema,
  /**
   * 32 random bytes (base64url) kept by the server for this agent and `installId`: the tablet
   * wraps its data key with it, so an online login recovers sealed unsent records after a wipe
   * or a forgotten PIN (docs/SECURITY.md). Absent when the request had no `installId`.
   */
  recoveryKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;
