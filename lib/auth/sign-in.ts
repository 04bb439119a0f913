// Credential checks for sign-in, rate-limited per account and per address. The answer
// to a bad email and a bad password is the same, in words and in time.
import { getPrisma } from "@/lib/db/client";
import { dummyPasswordHash, verifyPassword } from "./password";
import { FailureLimiter } from "./rate-limit";

const WINDOW_MS = 15 * 60_000;
const perAccount = new FailureLimiter(5, WINDOW_MS);
const perAddress = new FailureLimiter(20, WINDOW_MS);

export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`Too many sign-in attempts. Try again in ${Math.ceil(retryAfterMs / 60_000)} minute(s).`);
  }
}

export type SignedInUser = { id: string; email: string; name: string; isSuperAdmin: boolean };

export async function checkCredentials(email: string, password: string, address: string): Promise<SignedInUser | null> {
  const account = email.trim().toLowerCase();
  const wait = Math.max(perAccount.blockedFor(account), perAddress.blockedFor(address));
  if (wait > 0) throw new TooManyAttemptsError(wait);

  const user = await getPrisma().user.findUnique({ where: { email: account } });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok) {
    perAccount.recordFailure(account);
    perAddress.recordFailure(address);
    return null;
  }
  perAccount.reset(account);
  return { id: user.id, email: user.email, name: user.name, isSuperAdmin: user.isSuperAdmin };
}
