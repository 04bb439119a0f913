"use client";
import { Skeleton } from "@/components/ui/skeleton";
import { colorAt } from "@/components/charts/time-series-chart";
import { formatUnit } from "@/lib/format/units";
import { useTraceQuery } from "@/lib/hooks/use-performance";

/** One trace: each span a bar on the trace's time line, indented under its parent; a click shows its attributes. */
export function TraceWaterfall({ slug, traceId }: { slug: string; traceId: string }) {
  const trace = useTraceQuery(slug, traceId);
  if (trace.isPending) return <Skeleton height={240} />;
  if (trace.error)
    return (
      <div className="alert error" role="alert">
        {trace.error.message}
      </div>
    );
  const { rows, durationMs, startMs } = trace.data;
  const services = [...new Set(rows.map((r) => r.service))];
  const span = Math.max(durationMs, 1);
  return (
    <div className="card">
      <p className="muted">
        {rows.length} spans · {formatUnit(durationMs, "ms")} · started {new Date(startMs).toLocaleString()} ·{" "}
        {services.map((s, i) => (
          <span key={s} className="swatch-label">
            <span className="swatch" style={{ background: colorAt(i) }} /> {s}{" "}
          </span>
        ))}
      </p>
      <ol className="waterfall" aria-label="Spans">
        {rows.map((r) => (
          <li key={r.spanId}>
            <details>
              <summary>
                <span className="waterfall-name" style={{ paddingLeft: r.depth * 16 }}>
                  {r.name} <span className="muted">{r.service}</span>
                  {r.status === "error" && <span className="badge danger">error</span>}
                </span>
                <span className="waterfall-track">
                  <span
                    className="waterfall-bar"
                    style={{
                      left: `${(100 * r.offsetMs) / span}%`,
                      width: `max(2px, ${(100 * r.durationMs) / span}%)`,
                      background: r.status === "error" ? "#c62f3b" : colorAt(services.indexOf(r.service)),
                    }}
                  />
                </span>
                <span className="num waterfall-time">{formatUnit(r.durationMs, "ms")}</span>
              </summary>
              <dl className="facts">
                <dt>Kind</dt>
                <dd>{r.kind}</dd>
                <dt>Starts at</dt>
                <dd>+{formatUnit(r.offsetMs, "ms")}</dd>
                {Object.entries(r.attributes).map(([k, v]) => (
                  <div key={k} style={{ display: "contents" }}>
                    <dt>{k}</dt>
                    <dd>
                      <code>{typeof v === "string" ? v : JSON.stringify(v)}</code>
                    </dd>
                  </div>
                ))}
              </dl>
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}
