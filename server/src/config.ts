/** What createApp may be told; everything has a default except where the PWA is built. */
export interface AppConfig {
  /** The built PWA served at `/`; only the API is served when undefined. */
  distDir?: string;
  pushBodyLimitBytes: number;
  loginBodyLimitBytes: number;
  /** Every other route with a body (admin, RGPD); uploads keep their own larger limits. */
  defaultBodyLimitBytes: number;
  /** How long a device token lasts after login. */
  tokenTtlMs: number;
  /**
   * Behind a reverse proxy that terminates TLS (`TRUST_PROXY=1`): the client address is read
   * from `X-Forwarded-For` and HTTPS from `X-Forwarded-Proto`, which then turns HSTS on.
   */
  trustProxy: boolean;
  login: LoginGuardConfig;
}

/** Rate limit per client address and lockout per login (auth/login-guard.ts). */
export interface LoginGuardConfig {
  /** Failed passwords in a row that lock a login. */
  maxFailuresPerLogin: number;
  /** How long a locked login stays locked after its last failure. */
  lockMs: number;
  /** Attempts (any outcome) one address may make per window. */
  maxAttemptsPerIp: number;
  windowMs: number;
}

export const DEFAULT_APP_CONFIG: AppConfig = {
  pushBodyLimitBytes: 1024 * 1024, // 1 MiB: about 500 visits, the most one push may carry
  loginBodyLimitBytes: 16 * 1024, // 16 KiB
  defaultBodyLimitBytes: 64 * 1024, // 64 KiB: an agent with all sites, a rectified person
  tokenTtlMs: 30 * 24 * 60 * 60 * 1000, // 30 days
  trustProxy: false,
  login: {
    maxFailuresPerLogin: 5,
    lockMs: 15 * 60 * 1000, // 15 minutes
    // An MDS office shares one public address: 12 agents logging in on a morning fit easily.
    maxAttemptsPerIp: 50,
    windowMs: 15 * 60 * 1000, // 15 minutes
  },
};
