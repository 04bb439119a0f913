"use client";
import { useEffect, useState } from "react";
import { TimeSeriesChart } from "@/components/charts/time-series-chart";
import { toChart } from "@/components/charts/series-rows";
import { Skeleton } from "@/components/ui/skeleton";
import { useExploreQuery } from "@/lib/hooks/use-explore";
import type { ExploreRange } from "@/lib/schemas/explore";

const HEIGHT = 200;

/** The query over a recent range with the threshold drawn: what the rule would have seen. */
export function QueryPreview({
  slug,
  query,
  threshold,
  range = "24h",
}: {
  slug: string;
  query: string;
  threshold?: number;
  range?: ExploreRange;
}) {
  // Typing should not fire a query per keystroke.
  const [settled, setSettled] = useState(query);
  useEffect(() => {
    const t = setTimeout(() => setSettled(query), 600);
    return () => clearTimeout(t);
  }, [query]);
  const result = useExploreQuery(slug, settled, range);
  if (!settled.trim()) return <div className="empty">The preview shows the query over the last {range}.</div>;
  if (result.isPending) return <Skeleton height={HEIGHT} />;
  if (result.error) return <div className="alert error">Preview: {result.error.message}</div>;
  if (result.data.series.length === 0)
    return <div className="empty">No data for this query in the last {range}: the rule would not fire on it.</div>;
  const { rows, lines } = toChart(result.data.series);
  return (
    <TimeSeriesChart
      rows={rows}
      series={lines}
      height={HEIGHT}
      legend={lines.length <= 6}
      domain={[result.data.start, result.data.now]}
      threshold={threshold}
    />
  );
}
