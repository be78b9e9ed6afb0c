/** What createApp may be told; everything has a default except where the PWA is built. */
export interface AppConfig {
  /** The built PWA served at `/`; only the API is served when undefined. */
  distDir?: string;
  pushBodyLimitBytes: number;
  loginBodyLimitBytes: number;
  /** How long a device token lasts after login. */
  tokenTtlMs: number;
}

export const DEFAULT_APP_CONFIG: AppConfig = {
  pushBodyLimitBytes: 1024 * 1024, // 1 MiB: about 500 visits, the most one push may carry
  loginBodyLimitBytes: 16 * 1024, // 16 KiB
  tokenTtlMs: 30 * 24 * 60 * 60 * 1000, // 30 days
};
