/** Epoch milliseconds are bigint columns: PostgreSQL returns them as strings, so read them with Number(). */
export interface RateLimitCounterTable {
  key: string;
  window_start: number | string;
  hits: number;
  expires_at: number | string;
}

/** One random secret per UTC day, shared by every process, for hashing anonymous clients' addresses. */
export interface LimiterSecretTable {
  day: string;
  secret: string;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  last_failure: number | string;
  blocked_until: number | string;
}

export interface LimitsTables {
  rate_limit_counters: RateLimitCounterTable;
  limiter_secrets: LimiterSecretTable;
  sign_in_throttle: SignInThrottleTable;
}
