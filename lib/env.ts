// The only reader of process.env. Every setting is validated here, with a message
// that names the variable and says what a good value looks like.
import { z } from "zod";

const flag = z
  .enum(["0", "1", "true", "false"], { message: "must be 1/true or 0/false" })
  .transform((v) => v === "1" || v === "true");

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgres:// or postgresql:// URL");

const int = (min: number, max: number) =>
  z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(min).max(max);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  PORT: int(1, 65535).default(3000),
  NEXTAUTH_URL: z.url({ message: "must be the URL people open, e.g. http://localhost:3000" }).optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -hex 32)").optional(),
  ADMIN_EMAIL: z.email({ message: "must be an email address" }).optional(),
  ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
  DEMO: flag.optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_PG_PORT: int(1024, 65535).default(54329),
  RETENTION_DAYS: int(1, 3650).default(90),
  INGEST_MAX_BODY_BYTES: int(1024, 1024 * 1024 * 1024).default(16 * 1024 * 1024),
  INGEST_MAX_FUTURE_SECONDS: int(0, 86_400).default(600),
  INGEST_BUFFER_ROWS: int(1000, 50_000_000).default(500_000),
  INGEST_RATE_LIMIT: int(1, 100_000_000).default(1_000_000),
  INGEST_MAX_INFLIGHT: int(1, 10_000).default(64),
  INGEST_MAX_SERIES: int(1, 100_000_000).default(200_000),
  INGEST_MAX_NEW_SERIES_PER_DAY: int(1, 100_000_000).default(50_000),
  QUERY_TIMEOUT_SECONDS: int(1, 3600).default(30),
  QUERY_MAX_SAMPLES: int(1000, 1_000_000_000).default(50_000_000),
  QUERY_MAX_SERIES: int(1, 10_000_000).default(50_000),
  /** Memory for packed rollup days kept between queries (0: none); see lib/series/rollup-day-reader.ts. */
  QUERY_CACHE_MB: int(0, 65_536).default(256),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587")
    .optional(),
  SMTP_FROM: z.string().min(3).default("Telltale <alerts@telltale.local>"),
  /** Emails of one rule to one person within this wait go out as one message listing the series. */
  ALERT_GROUP_WAIT_SECONDS: int(0, 300).default(2),
  CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  TEST_DATABASE_URL: postgresUrl.optional(),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses an environment; throws EnvError listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated configuration of this process (read once, lazily, so builds need none). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For scripts that set variables (e.g. the embedded DATABASE_URL) before the app reads them. */
export function setEnv(values: Partial<Record<keyof Env, string>>): void {
  for (const [k, v] of Object.entries(values)) if (v !== undefined) process.env[k] = v;
  cached = undefined;
}

export function isDemoEnabled(e: Env, embedded: boolean): boolean {
  return e.DEMO ?? embedded;
}
