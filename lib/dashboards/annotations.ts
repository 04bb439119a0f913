// Moments drawn on dashboard charts: alert transitions (firing, acknowledged, resolved) of the
// client's incidents, and deploys/releases — business events whose name starts with "deploy"
// or "release" (their `version` property, if any, says which), and metrics so named, e.g.
// deploy_info{version="v2"}, at the first sample of each new series (a new version showing up).
import type { TenantContext } from "@/lib/auth/tenant";
import { getPrisma } from "@/lib/db/client";
import type { AnnotationDto } from "@/lib/schemas/dashboards";
import { appSeriesDb } from "@/lib/series/series-db";

const SHOWN = ["firing", "acknowledged", "resolved"];
const LIMIT = 200;

export async function listAnnotations(tenant: TenantContext, from: number, to: number): Promise<AnnotationDto[]> {
  const [events, deploys, metricDeploys] = await Promise.all([
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
    deploySeries(tenant, from, to),
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
    ...metricDeploys,
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

async function deploySeries(tenant: TenantContext, from: number, to: number): Promise<AnnotationDto[]> {
  const db = await appSeriesDb();
  const { rows } = await db.sql.query<{ name: string; labels: Record<string, string>; time: Date }>(
    `SELECT m.metric_name AS name, m.labels, first.time
       FROM series.metric_series m
       CROSS JOIN LATERAL (SELECT s.time FROM series.metric_samples s
                            WHERE s.series_id = m.id ORDER BY s.time LIMIT 1) first
      WHERE m.client_id = $1 AND (m.metric_name LIKE 'deploy%' OR m.metric_name LIKE 'release%')
        AND first.time >= $2 AND first.time <= $3
      ORDER BY first.time LIMIT ${LIMIT}`,
    [tenant.clientId, new Date(from).toISOString(), new Date(to).toISOString()],
  );
  return rows.map((r) => ({
    t: new Date(r.time).getTime(),
    kind: "deploy" as const,
    text: r.labels.version ? `${r.name} ${r.labels.version}` : r.name,
  }));
}
