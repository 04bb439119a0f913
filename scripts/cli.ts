// `npm run cli -- <command> [--flags]`: operators' and scripts' access to Telltale.
// Talks to DATABASE_URL, or to the embedded database in DATA_DIR when it is unset.
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { ApiError } from "../lib/api/errors";
import { EnvError, env, setEnv } from "../lib/env";
import { ensurePrismaClient } from "./lib/runtime";

const USAGE = `Usage: npm run cli -- <command> [options] [--json]

  user:create   --email E --password P [--name N] [--super-admin]
  client:create --slug S --name N [--timezone TZ]
  member:add    --client SLUG --email E --role admin|manager|viewer
  apikey:create --client SLUG --name N --scopes ingest,read,admin   (prints the key once)
  db:migrate    apply pending migrations and storage upkeep
  demo:seed     create the demo client with a few days of history (skips if present)`;

const OPTIONS = {
  email: { type: "string" },
  password: { type: "string" },
  name: { type: "string" },
  "super-admin": { type: "boolean" },
  slug: { type: "string" },
  timezone: { type: "string" },
  client: { type: "string" },
  role: { type: "string" },
  scopes: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean" },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

async function run(command: string, f: Flags): Promise<{ text: string; data: unknown }> {
  const { systemTenant } = await import("../lib/auth/tenant-access");
  switch (command) {
    case "user:create": {
      const { createUser } = await import("../lib/users/create-user");
      const u = await createUser(null, {
        email: f.email ?? "",
        password: f.password ?? "",
        name: f.name ?? f.email?.split("@")[0] ?? "",
        isSuperAdmin: f["super-admin"] ?? false,
      });
      return { text: `created user ${u.email}${u.isSuperAdmin ? " (super admin)" : ""}`, data: u };
    }
    case "client:create": {
      const { createClient } = await import("../lib/clients/clients");
      const c = await createClient(null, { slug: f.slug ?? "", name: f.name ?? "", timeZone: f.timezone ?? "UTC" });
      return { text: `created client ${c.slug} (${c.name}, ${c.timeZone})`, data: c };
    }
    case "member:add": {
      const { addMember } = await import("../lib/members/members");
      const m = await addMember(await systemTenant(f.client ?? "", "cli"), {
        email: f.email ?? "",
        role: f.role as never,
      });
      return { text: `added ${m.email} to ${f.client} as ${m.role}`, data: m };
    }
    case "apikey:create": {
      const { createApiKey } = await import("../lib/api-keys/api-keys");
      const scopes = (f.scopes ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const k = await createApiKey(await systemTenant(f.client ?? "", "cli"), {
        name: f.name ?? "",
        scopes: scopes as never,
      });
      return { text: k.key, data: k };
    }
    case "db:migrate": {
      const { prepareDatabase } = await import("../lib/bootstrap/prepare-database");
      const r = await prepareDatabase({ retentionDays: env().RETENTION_DAYS });
      return { text: `${r.applied.length} migration(s) applied (${r.dialect})`, data: r };
    }
    case "demo:seed": {
      const { seedDemo } = await import("../lib/demo/seed-demo");
      const { appSeriesDb } = await import("../lib/series/series-db");
      const r = await seedDemo(await appSeriesDb());
      return {
        text: r.created
          ? `seeded demo: ${r.samples} samples, ${r.events} events, ${r.spans} spans`
          : "demo client already exists",
        data: r,
      };
    }
    default:
      throw new UsageError(command ? `unknown command '${command}'` : "no command given");
  }
}

class UsageError extends Error {}

function reason(err: unknown): string {
  if (err instanceof ZodError) {
    const i = err.issues[0];
    const flag = String(i.path[0] ?? "")
      .replace("timeZone", "timezone")
      .replace("isSuperAdmin", "super-admin");
    return flag ? `--${flag}: ${i.message}` : i.message;
  }
  if (err instanceof ApiError || err instanceof EnvError || err instanceof UsageError) return err.message;
  return (err as Error)?.message ?? String(err);
}

async function main() {
  const { values, positionals } = parseArgs({ options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return;
  }
  const config = env();
  ensurePrismaClient();
  let stop = async () => {};
  if (!config.DATABASE_URL) {
    const { attachEmbeddedPostgres } = await import("../lib/db/embedded");
    const server = await attachEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_PG_PORT });
    setEnv({ DATABASE_URL: server.url });
    stop = server.stop;
  }
  const { closeDb } = await import("../lib/db/client");
  try {
    const out = await run(positionals[0], values);
    console.log(values.json ? JSON.stringify(out.data) : out.text);
  } finally {
    await closeDb();
    await stop();
  }
}

main().catch((err) => {
  const msg = reason(err);
  if (process.argv.includes("--json")) console.log(JSON.stringify({ error: msg }));
  console.error(`error: ${msg}`);
  if (err instanceof UsageError) console.error(USAGE);
  process.exit(1);
});
