"use client";
import { toChart, seriesName } from "@/components/charts/series-rows";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { Skeleton } from "@/components/ui/skeleton";
import { formatUnit } from "@/lib/format/units";
import { useExploreQuery } from "@/lib/hooks/use-explore";
import { useSystemHealthQuery } from "@/lib/hooks/use-system-health";
import type { SystemHealthDto, UpSeriesDto } from "@/lib/schemas/system-health";

/** The availability most teams promise; below it a target shows amber. */
const TARGET = 0.999;
const UP_QUERY = 'sum by (__name__, job) ({__name__=~"up|.+_up"})';
const nf = new Intl.NumberFormat();

const ago = (ms: number | null) => {
  if (ms === null) return "over a week ago";
  const s = Math.max(0, Math.round((Date.now() - ms) / 1000));
  return s < 90 ? `${s} s ago` : s < 5400 ? `${Math.round(s / 60)} min ago` : `${Math.round(s / 3600)} h ago`;
};
const pct = (v: number | null) => (v === null ? "–" : `${(v * 100).toFixed(v >= 0.999 && v < 1 ? 3 : 2)} %`);

function State({ t }: { t: UpSeriesDto }) {
  if (t.up === null) return <span className="badge warn">silent</span>;
  return t.up >= 1 ? <span className="badge ok">up</span> : <span className="badge danger">down</span>;
}

/** Up-style metrics with availability against 99.9 %, and Telltale's own health. */
export function SystemHealthView({ slug }: { slug: string }) {
  const health = useSystemHealthQuery(slug);
  if (health.isPending) return <Skeleton height={480} />;
  if (health.error)
    return (
      <div className="alert error" role="alert">
        Could not load system health: {health.error.message}
      </div>
    );
  const { targets, telltale, ingest24h } = health.data;
  const up = targets.filter((t) => t.up !== null && t.up >= 1).length;
  const below = targets.filter((t) => t.availability24h !== null && t.availability24h < TARGET).length;
  return (
    <div className="grid">
      <div className="grid cols-4">
        <Stat label="Targets up" value={`${up} / ${targets.length}`} bad={up < targets.length} />
        <Stat label="Below 99.9 % (24 h)" value={String(below)} bad={below > 0} />
        <Stat label="Telltale" value={telltale.status === "ok" ? "OK" : "Degraded"} bad={telltale.status !== "ok"} />
        <Stat label="Samples received (24 h)" value={nf.format(ingest24h.samples)} />
      </div>
      {targets.length === 0 ? (
        <div className="card empty">
          No <code>up</code>-style metrics yet. Point Prometheus&apos; remote_write at <code>/api/v1/write</code> (it
          sends <code>up</code> for every scrape target), or send your own heartbeat metric named{" "}
          <code>something_up</code> (1 up, 0 down) to <code>/api/v1/metrics</code>.
        </div>
      ) : (
        <>
          <div className="card">
            <h3>Targets up over 24 h</h3>
            <UpChart slug={slug} />
          </div>
          <div className="card">
            <h3>Targets</h3>
            <TargetsTable targets={targets} />
          </div>
        </>
      )}
      <TelltaleCard data={health.data} />
    </div>
  );
}

function UpChart({ slug }: { slug: string }) {
  const chart = useExploreQuery(slug, UP_QUERY, "24h", undefined, 60_000);
  if (chart.error)
    return (
      <div className="alert error" role="alert">
        {chart.error.message}
      </div>
    );
  if (!chart.data) return <Skeleton height={220} />;
  const { rows, lines } = toChart(chart.data.series);
  return <TimeSeriesChart rows={rows} series={lines} domain={[chart.data.start, chart.data.now]} />;
}

function Stat({ label, value, bad }: { label: string; value: string; bad?: boolean }) {
  return (
    <div className="card stat">
      <div className="label">{label}</div>
      <div className="value" style={{ color: bad ? "#c62f3b" : undefined }}>
        {value}
      </div>
    </div>
  );
}

function TargetsTable({ targets }: { targets: UpSeriesDto[] }) {
  return (
    <table aria-label="Targets">
      <thead>
        <tr>
          <th>State</th>
          <th>Target</th>
          <th className="num">24 h</th>
          <th className="num">7 days</th>
          <th>Last sample</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((t) => (
          <tr key={t.metric + seriesName(t.labels)}>
            <td>
              <State t={t} />
            </td>
            <td>
              <code>{seriesName({ __name__: t.metric, ...t.labels })}</code>
            </td>
            <td className="num" style={{ color: (t.availability24h ?? 1) < TARGET ? "#b7791f" : undefined }}>
              {pct(t.availability24h)}
            </td>
            <td className="num" style={{ color: (t.availability7d ?? 1) < TARGET ? "#b7791f" : undefined }}>
              {pct(t.availability7d)}
            </td>
            <td>{ago(t.lastSeen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TelltaleCard({ data }: { data: SystemHealthDto }) {
  const { telltale: t, ingest24h: i } = data;
  const p = t.process;
  return (
    <div className="card">
      <h3>Telltale</h3>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          {t.status === "ok" ? "OK" : "Degraded"} · version {t.version} · this server up{" "}
          {formatUnit(t.uptimeSeconds, "s")}
        </dd>
        <dt>Database</dt>
        <dd>
          {t.db.ok ? `${t.db.dialect}, answers in ${formatUnit(t.db.latencyMs, "ms")}` : t.db.error}
          {Object.keys(p.dbPool).length > 0 &&
            ` · pool ${Object.entries(p.dbPool)
              .map(([k, v]) => `${k} ${v}`)
              .join(", ")}`}
        </dd>
        <dt>This process</dt>
        <dd>
          memory {formatUnit(p.rssBytes, "bytes")} (heap {formatUnit(p.heapUsedBytes, "bytes")}) · event-loop lag p99{" "}
          {formatUnit(p.eventLoopLagP99Seconds, "s")}
        </dd>
        <dt>Received for this client (24 h)</dt>
        <dd>
          {nf.format(i.series)} series · {nf.format(i.samples)} samples · {nf.format(i.events)} events ·{" "}
          {nf.format(i.spans)} spans
        </dd>
      </dl>
    </div>
  );
}
