// On a database without users, create the first super admin: from ADMIN_EMAIL and
// ADMIN_PASSWORD when given, otherwise with a generated password shown once.
import { generatePassword, hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/generated/client";

export type FirstAdmin = { email: string; password: string | null; generated: boolean } | null;

export async function ensureFirstAdmin(
  prisma: PrismaClient,
  opts: { email?: string; password?: string },
): Promise<FirstAdmin> {
  if ((await prisma.user.count()) > 0) return null;
  const email = (opts.email ?? "admin@telltale.local").toLowerCase();
  const generated = !opts.password;
  const password = opts.password ?? generatePassword();
  try {
    await prisma.user.create({
      data: { email, name: "Administrator", passwordHash: await hashPassword(password), isSuperAdmin: true },
    });
  } catch (err) {
    // Another replica starting at the same moment created it first.
    if ((err as { code?: string }).code === "P2002") return null;
    throw err;
  }
  return { email, password: generated ? password : null, generated };
}
