import type { Agent } from '../../../shared/schemas/agent';

/** Who is calling, set by the bearer token middleware (auth/require-device.ts). */
export interface Session {
  agent: Agent;
  deviceId: string;
}

export interface AppEnv {
  Variables: { session: Session };
}
