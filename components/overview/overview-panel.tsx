"use client";
import { colorAt, TimeSeriesChart } from "@/components/charts/time-series-chart";
import { Skeleton } from "@/components/ui/skeleton";
import { useOverviewQuery } from "@/lib/hooks/use-overview";
import { pivot } from "./pivot";

const nf = new Intl.NumberFormat();

export function OverviewPanel({ slug }: { slug: string }) {
  const { data, error, isPending } = useOverviewQuery(slug);
  if (error)
    return (
      <div className="alert error" role="alert">
        Could not load the overview: {error.message}
      </div>
    );
  const t = data?.totals24h;
  const stats = [
    ["Series", t?.series],
    ["Samples (24 h)", t?.samples],
    ["Events (24 h)", t?.events],
    ["Spans (24 h)", t?.spans],
  ] as const;
  const empty = data && !t?.series && !t?.events && !t?.spans;
  const events =
    data &&
    pivot(
      data.events,
      (r) => r.name,
      (r) => r.count,
    );
  const latency =
    data &&
    pivot(
      data.latency,
      (r) => `${r.service} p95`,
      (r) => r.p95,
    );
  const up =
    data &&
    pivot(
      data.up,
      () => "instances up",
      (r) => r.avg * r.series,
    );

  return (
    <div className="grid">
      <div className="grid cols-4">
        {stats.map(([label, value]) => (
          <div className="card stat" key={label}>
            <div className="label">{label}</div>
            <div className="value">{isPending ? <Skeleton height={32} width={90} /> : nf.format(value ?? 0)}</div>
          </div>
        ))}
      </div>
      {empty && (
        <div className="card empty">
          No data yet for this client. Create an API key under Settings → API keys, then send metrics, events or traces
          (Prometheus remote_write, OTLP or JSON) with it.
        </div>
      )}
      <div className="grid cols-2">
        <div className="card">
          <h2>Business events per hour</h2>
          {events ? (
            <TimeSeriesChart
              kind="stacked"
              rows={events.rows}
              series={events.groups.map((g, i) => ({ key: g, color: colorAt(i) }))}
            />
          ) : (
            <Skeleton height={220} />
          )}
        </div>
        <div className="card">
          <h2>Request latency (p95 of root spans)</h2>
          {latency ? (
            <TimeSeriesChart
              rows={latency.rows}
              unit=" ms"
              series={latency.groups.map((g, i) => ({ key: g, color: colorAt(i + 3) }))}
            />
          ) : (
            <Skeleton height={220} />
          )}
        </div>
      </div>
      <div className="card">
        <h2>Availability (instances reporting up=1, hourly average)</h2>
        {up ? (
          <TimeSeriesChart rows={up.rows} height={160} series={[{ key: "instances up", color: colorAt(1) }]} />
        ) : (
          <Skeleton height={160} />
        )}
      </div>
    </div>
  );
}
