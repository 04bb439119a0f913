"use client";
import { useState } from "react";
import { useMetricNamesQuery } from "@/lib/hooks/use-explore";
import { useLabelNamesQuery, useLabelValuesQuery } from "@/lib/hooks/use-dashboards";
import { AGGREGATIONS, buildQuery, FILTER_OPS, isCounterName, type BuiltQuery } from "@/lib/dashboards/query-builder";

const RATES: BuiltQuery["rate"][] = ["", "1m", "5m", "15m", "1h"];
type Filter = BuiltQuery["filters"][number];

/** Metric, filters, rate, aggregation and grouping picked from the client's own series; writes PromQL. */
export function QueryBuilder({ slug, onUse }: { slug: string; onUse: (query: string) => void }) {
  const metrics = useMetricNamesQuery(slug);
  const [q, setQ] = useState<BuiltQuery>({ metric: "", filters: [], rate: "", aggregation: "sum", by: [] });
  const labels = useLabelNamesQuery(slug, q.metric);
  const dimensions = (labels.data ?? []).filter((l) => l !== "__name__");
  const set = (change: Partial<BuiltQuery>) => setQ({ ...q, ...change });
  const setFilter = (i: number, change: Partial<Filter>) =>
    set({ filters: q.filters.map((f, j) => (j === i ? { ...f, ...change } : f)) });

  return (
    <fieldset className="query-builder" aria-label="Query builder">
      <legend>Build the query</legend>
      <div className="form-row">
        <label>
          Metric{" "}
          <select
            value={q.metric}
            onChange={(e) =>
              set({ metric: e.target.value, filters: [], by: [], rate: isCounterName(e.target.value) ? "5m" : "" })
            }
          >
            <option value="">{metrics.data?.length ? "Choose…" : "No metrics yet"}</option>
            {metrics.data?.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label>
          Rate{" "}
          <select value={q.rate} onChange={(e) => set({ rate: e.target.value as BuiltQuery["rate"] })}>
            {RATES.map((r) => (
              <option key={r} value={r}>
                {r ? `per second over ${r}` : "none (gauge)"}
              </option>
            ))}
          </select>
        </label>
        <label>
          Aggregation{" "}
          <select
            value={q.aggregation}
            onChange={(e) => set({ aggregation: e.target.value as BuiltQuery["aggregation"] })}
          >
            {AGGREGATIONS.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
      </div>
      {q.metric && (
        <>
          {q.filters.map((f, i) => (
            <FilterRow
              key={i}
              slug={slug}
              metric={q.metric}
              filter={f}
              labels={dimensions}
              onChange={(change) => setFilter(i, change)}
              onRemove={() => set({ filters: q.filters.filter((_, j) => j !== i) })}
            />
          ))}
          <button type="button" onClick={() => set({ filters: [...q.filters, { label: "", op: "=", value: "" }] })}>
            Add a filter
          </button>
          {q.aggregation !== "none" && dimensions.length > 0 && (
            <div className="checks" role="group" aria-label="Group by">
              Group by:{" "}
              {dimensions.map((d) => (
                <label key={d}>
                  <input
                    type="checkbox"
                    checked={q.by.includes(d)}
                    onChange={(e) => set({ by: e.target.checked ? [...q.by, d] : q.by.filter((x) => x !== d) })}
                  />{" "}
                  {d}
                </label>
              ))}
            </div>
          )}
          <p>
            <code>{buildQuery(q)}</code>{" "}
            <button type="button" onClick={() => onUse(buildQuery(q))}>
              Use this query
            </button>
          </p>
        </>
      )}
    </fieldset>
  );
}

function FilterRow({
  slug,
  metric,
  filter,
  labels,
  onChange,
  onRemove,
}: {
  slug: string;
  metric: string;
  filter: Filter;
  labels: string[];
  onChange: (change: Partial<Filter>) => void;
  onRemove: () => void;
}) {
  const values = useLabelValuesQuery(slug, filter.label, metric);
  return (
    <div className="form-row">
      <select
        aria-label="Filter label"
        value={filter.label}
        onChange={(e) => onChange({ label: e.target.value, value: "" })}
      >
        <option value="">Label…</option>
        {labels.map((l) => (
          <option key={l}>{l}</option>
        ))}
      </select>
      <select
        aria-label="Filter operator"
        value={filter.op}
        onChange={(e) => onChange({ op: e.target.value as Filter["op"] })}
      >
        {FILTER_OPS.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
      <input
        aria-label="Filter value"
        list={`values-${filter.label}`}
        value={filter.value}
        onChange={(e) => onChange({ value: e.target.value })}
        placeholder={filter.op.includes("~") ? "regex, e.g. api|web" : "value"}
      />
      <datalist id={`values-${filter.label}`}>
        {filter.label && values.data?.map((v) => <option key={v} value={v} />)}
      </datalist>
      <button type="button" onClick={onRemove}>
        Remove
      </button>
    </div>
  );
}
