// Silences of one client: create (now or as a future maintenance window), list, expire.
// matchingSilences() is what notify() asks: which silences hold an incident's labels now.
import { badRequest, notFound } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { actorUserId, type TenantContext } from "@/lib/auth/tenant";
import { getPrisma } from "@/lib/db/client";
import type { Prisma, Silence } from "@/lib/db/generated/client";
import { parseSelector } from "@/lib/promql/parse";
import { matchesAll } from "@/lib/promql/selector";
import { silenceSchema, type SilenceDto, type SilenceInput } from "@/lib/schemas/silences";
import { activeWindow, nextWindowStart } from "@/lib/schedule/maintenance-window";

type Tx = Prisma.TransactionClient;

const YEAR_MS = 365 * 86_400_000;

function toDto(s: Silence, now = new Date()): SilenceDto {
  const next = nextWindowStart(s, now);
  return {
    id: s.id,
    matchers: s.matchers,
    comment: s.comment,
    createdBy: s.createdBy,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    recurrence: s.recurrence,
    timezone: s.timezone,
    windowMinutes: s.windowMinutes,
    active: activeWindow(s, now) !== null,
    nextStart: next?.toISOString() ?? null,
  };
}

export async function listSilences(tenant: TenantContext): Promise<SilenceDto[]> {
  const rows = await getPrisma().silence.findMany({
    where: { clientId: tenant.clientId, endsAt: { gt: new Date(Date.now() - 86_400_000) } },
    orderBy: { endsAt: "desc" },
  });
  return rows.map((s) => toDto(s));
}

export async function createSilence(tenant: TenantContext, input: SilenceInput, actor: string): Promise<SilenceDto> {
  const data = silenceSchema.parse(input);
  const startsAt = data.startsAt ? new Date(data.startsAt) : new Date();
  const timing = data.recurrence
    ? {
        endsAt: data.until ? new Date(data.until) : new Date(startsAt.getTime() + YEAR_MS),
        recurrence: data.recurrence,
        timezone: data.timezone,
        windowMinutes: data.durationMinutes,
      }
    : { endsAt: new Date(startsAt.getTime() + data.durationMinutes * 60_000) };
  if (timing.endsAt <= startsAt) throw badRequest("The end date must come after the start");
  return getPrisma().$transaction(async (tx) => {
    const row = await tx.silence.create({
      data: {
        clientId: tenant.clientId,
        matchers: data.matchers,
        comment: data.comment,
        createdBy: actor,
        startsAt,
        ...timing,
      },
    });
    await recordAudit(tx, {
      clientId: tenant.clientId,
      actorId: actorUserId(tenant),
      action: "silence.create",
      targetType: "silence",
      targetId: row.id,
      details: { matchers: data.matchers },
    });
    return toDto(row);
  });
}

/** Ends a silence now (kept for the record). */
export async function expireSilence(tenant: TenantContext, id: string): Promise<void> {
  const now = new Date();
  const found = await getPrisma().silence.updateMany({
    where: { id, clientId: tenant.clientId, endsAt: { gt: now } },
    data: { endsAt: now },
  });
  if (found.count === 0) throw notFound("Active silence");
}

/** Silences of the client holding at `at` (recurring ones inside a window) whose matchers all hold for the labels. */
export async function matchingSilences(tx: Tx, clientId: string, labels: Record<string, string>, at: Date) {
  const active = await tx.silence.findMany({ where: { clientId, startsAt: { lte: at }, endsAt: { gt: at } } });
  return active
    .filter((s) => activeWindow(s, at) && matchesAll(labels, parseSelector(s.matchers)))
    .map((s) => toDto(s, at));
}
