// The PostgreSQL server tests use: TEST_DATABASE_URL (npm test starts an embedded one
// when it is unset). Read through lib/env like every other setting.
import { env } from "@/lib/env";

export function serverUrl(): string {
  const url = env().TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: run the suite with `npm test`, which provides a server");
  return url;
}

export function withDatabase(name: string): string {
  const u = new URL(serverUrl());
  u.pathname = `/${name}`;
  return u.toString();
}
