// Every administrative change leaves a row: who, what, on which client, when.
import type { Prisma } from "@/lib/db/generated/client";

type Tx = Pick<Prisma.TransactionClient, "auditLog">;

export type AuditEntry = {
  clientId: string | null;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string;
  details?: Prisma.InputJsonObject;
};

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: { ...entry, details: entry.details ?? {} } });
}
