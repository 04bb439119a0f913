// Moments drawn on dashboard charts: alert transitions (firing, acknowledged, resolved) of the
// client's incidents, and deploys/releases — business events whose name starts with "deploy"
// or "release" (their `version` property, if any, says which).
import type { TenantContext } from "@/lib/auth/tenant";
import { getPrisma } from "@/lib/db/client";
import type { AnnotationDto } from "@/lib/schemas/dashboards";
import { appSeriesDb } from "@/lib/series/series-db";

const SHOWN = ["firing", "acknowledged", "resolved"];
const LIMIT = 200;

export async function listAnnotations(tenant: TenantContext, from: number, to: number): Promise<AnnotationDto[]> {
  const [events, deploys] = await Promise.all([
    getPrisma().incidentEvent.findMany({
      where: {
        kind: { in: SHOWN },
        at: { gte: new Date(from), lte: new Date(to) },
        incident: { clientId: tenant.clientId },
      },
      include: { incident: { select: { id: true, severity: true, rule: { select: { name: true } } } } },
      orderBy: { at: "asc" },
      take: LIMIT,
    }),
    deployEvents(tenant, from, to),
  ]);
  return [
    ...events.map((e) => ({
      t: e.at.getTime(),
      kind: "alert" as const,
      text: `${e.incident.rule.name} ${e.kind}${e.actor && e.kind !== "firing" ? ` by ${e.actor}` : ""}`,
      severity: e.incident.severity,
      state: e.kind,
      incidentId: e.incident.id,
    })),
    ...deploys,
  ].sort((a, b) => a.t - b.t);
}

async function deployEvents(tenant: TenantContext, from: number, to: number): Promise<AnnotationDto[]> {
  const db = await appSeriesDb();
  const { rows } = await db.sql.query<{ time: Date; name: string; version: string | null }>(
    `SELECT time, name, properties->>'version' AS version FROM series.events
      WHERE client_id = $1 AND time >= $2 AND time <= $3 AND (name LIKE 'deploy%' OR name LIKE 'release%')
      ORDER BY time LIMIT ${LIMIT}`,
    [tenant.clientId, new Date(from).toISOString(), new Date(to).toISOString()],
  );
  return rows.map((r) => ({
    t: new Date(r.time).getTime(),
    kind: "deploy" as const,
    text: r.version ? `${r.name} ${r.version}` : r.name,
  }));
}
