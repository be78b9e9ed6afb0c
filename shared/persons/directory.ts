import { z } from 'zod';
import { roleSchema } from '../schemas/agent';
import { siteIdSchema, uuidSchema } from '../schemas/common';

/**
 * A professional as every agent may see them, to orient a person to them or to read who
 * follows a person: name, role and MDS, nothing else (no login). Pulled as `agentProfile`.
 */
export const agentProfileSchema = z.object({
  id: uuidSchema,
  displayName: z.string().min(1),
  role: roleSchema,
  siteIds: z.array(siteIdSchema),
});
export type AgentProfile = z.infer<typeof agentProfileSchema>;
