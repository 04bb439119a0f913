"use client";
import { colorAt, TimeSeriesChart } from "@/components/charts/time-series-chart";
import { pivot } from "@/components/overview/pivot";
import { Skeleton } from "@/components/ui/skeleton";
import { useUrlParams } from "@/lib/hooks/use-url-params";
import { formatUnit } from "@/lib/format/units";
import { useBusinessQuery } from "@/lib/hooks/use-business";
import type { BusinessDto, EventTotalsDto } from "@/lib/schemas/business";
import { EXPLORE_RANGES, type ExploreRange } from "@/lib/schemas/explore";

const MAX_LINES = 6;
const nf = new Intl.NumberFormat();

function change(now: number | null, before: number | null) {
  if (now === null || before === null || before === 0) return null;
  return ((now - before) / Math.abs(before)) * 100;
}

function Change({ now, before }: { now: number | null; before: number | null }) {
  const pct = change(now, before);
  if (pct === null) return <span className="muted">–</span>;
  return (
    <span style={{ color: pct >= 0 ? "#1f8a4c" : "#c62f3b" }}>
      {pct >= 0 ? "▲" : "▼"} {Math.abs(pct).toFixed(1)} %
    </span>
  );
}

/** Event volume or value per name over time, the busiest names drawn. */
function EventsChart({ data, names, value }: { data: BusinessDto; names: string[]; value: boolean }) {
  const rows = data.buckets
    .filter((b) => names.includes(b.name) && (!value || b.value !== null))
    .map((b) => ({ ...b, bucket: new Date(b.t).toISOString() }));
  const { rows: chartRows, groups } = pivot(
    rows,
    (r) => r.name,
    (r) => (value ? (r.value ?? 0) : r.count),
  );
  if (groups.length === 0) return <div className="empty">No events with a value in this window.</div>;
  return (
    <TimeSeriesChart
      rows={chartRows}
      kind="bars"
      domain={[data.start, data.end]}
      format={(v) => formatUnit(v)}
      series={groups.map((g) => ({ key: g, label: g, color: colorAt(names.indexOf(g)) }))}
    />
  );
}

/** Business events by name: volumes and values over time, the change against the window before, top properties. */
export function BusinessView({ slug }: { slug: string }) {
  const [params, go] = useUrlParams();
  const range = (EXPLORE_RANGES as readonly string[]).includes(params.get("range") ?? "")
    ? (params.get("range") as ExploreRange)
    : "24h";
  const event = params.get("event") ?? undefined;
  const business = useBusinessQuery(slug, { range, event });
  const data = business.data;
  const names = (data?.totals ?? [])
    .filter((t) => !event || t.name === event)
    .slice(0, MAX_LINES)
    .map((t) => t.name);

  return (
    <>
      <div className="card dashboard-toolbar">
        <label>
          Event{" "}
          <select value={event ?? ""} onChange={(e) => go({ event: e.target.value })}>
            <option value="">All events</option>
            {data?.totals.map((t) => (
              <option key={t.name}>{t.name}</option>
            ))}
          </select>
        </label>
        <label>
          Range{" "}
          <select value={range} onChange={(e) => go({ range: e.target.value })}>
            {EXPLORE_RANGES.map((r) => (
              <option key={r} value={r}>
                Last {r}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">Changes compare with the {range} before</span>
      </div>
      {business.error ? (
        <div className="alert error" role="alert">
          Could not load events: {business.error.message}
        </div>
      ) : !data ? (
        <Skeleton height={520} />
      ) : data.totals.length === 0 ? (
        <div className="card empty">
          No business events in this window. Send them with an ingest key to <code>/api/v1/events</code>, e.g.{" "}
          <code>{'{"events":[{"name":"order_paid","value":49,"properties":{"plan":"pro"}}]}'}</code>.
        </div>
      ) : (
        <>
          <div className="grid cols-2">
            <div className="card">
              <h3>Events per {formatUnit(data.stepMs / 1000, "s")}</h3>
              <EventsChart data={data} names={names} value={false} />
            </div>
            <div className="card">
              <h3>Value per {formatUnit(data.stepMs / 1000, "s")}</h3>
              <EventsChart data={data} names={names} value />
            </div>
          </div>
          <div className="card">
            <h3>Events</h3>
            <EventsTable totals={data.totals} onPick={(name) => go({ event: name })} />
          </div>
          <div className="card">
            <h3>Top properties{event ? ` of ${event}` : ""}</h3>
            {data.properties.length === 0 ? (
              <div className="empty">These events carry no properties.</div>
            ) : (
              <table aria-label="Top properties">
                <thead>
                  <tr>
                    <th>Property</th>
                    <th>Value</th>
                    <th className="num">Events</th>
                  </tr>
                </thead>
                <tbody>
                  {data.properties.map((p) => (
                    <tr key={`${p.key}=${p.value}`}>
                      <td>
                        <code>{p.key}</code>
                      </td>
                      <td>{p.value}</td>
                      <td className="num">{nf.format(p.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </>
      )}
    </>
  );
}

function EventsTable({ totals, onPick }: { totals: EventTotalsDto[]; onPick: (name: string) => void }) {
  return (
    <table aria-label="Events by name">
      <thead>
        <tr>
          <th>Event</th>
          <th className="num">Count</th>
          <th className="num">Change</th>
          <th className="num">Users</th>
          <th className="num">Value</th>
          <th className="num">Change</th>
        </tr>
      </thead>
      <tbody>
        {totals.map((t) => (
          <tr key={t.name}>
            <td>
              <button type="button" className="link" onClick={() => onPick(t.name)}>
                {t.name}
              </button>
            </td>
            <td className="num">{nf.format(t.count)}</td>
            <td className="num">
              <Change now={t.count} before={t.previousCount} />
            </td>
            <td className="num">{nf.format(t.users)}</td>
            <td className="num">{t.value === null ? "–" : formatUnit(t.value)}</td>
            <td className="num">
              <Change now={t.value} before={t.previousValue} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
