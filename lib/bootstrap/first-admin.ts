// On a database without users, create the first super admin: from ADMIN_EMAIL and
// ADMIN_PASSWORD when given, otherwise with a generated password shown once.
import { ApiError } from "@/lib/api/errors";
import { generatePassword } from "@/lib/auth/password";
import { getPrisma } from "@/lib/db/client";
import { createUser } from "@/lib/users/create-user";

export type FirstAdmin = { email: string; password: string | null; generated: boolean } | null;

export async function ensureFirstAdmin(opts: { email?: string; password?: string }): Promise<FirstAdmin> {
  if ((await getPrisma().user.count()) > 0) return null;
  const email = (opts.email ?? "admin@telltale.local").toLowerCase();
  const generated = !opts.password;
  const password = opts.password ?? generatePassword();
  try {
    await createUser(null, { email, name: "Administrator", password, isSuperAdmin: true });
  } catch (err) {
    // Another replica starting at the same moment created it first.
    const duplicate = (err instanceof ApiError && err.status === 409) || (err as { code?: string }).code === "P2002";
    if (duplicate) return null;
    throw err;
  }
  return { email, password: generated ? password : null, generated };
}
