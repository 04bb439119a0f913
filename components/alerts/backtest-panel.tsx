"use client";
import { useBacktestMutation } from "@/lib/hooks/use-alerts";
import type { AlertRuleInput } from "@/lib/schemas/alert-rules";
import { formatWhen } from "@/lib/format/time";

const labelText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(", ") || "(no labels)";

/** "Would have fired N times in the last 7 days", on request, with the latest firings listed. */
export function BacktestPanel({ slug, rule }: { slug: string; rule: AlertRuleInput }) {
  const backtest = useBacktestMutation(slug);
  const result = backtest.data;
  return (
    <div className="backtest" aria-live="polite">
      <button type="button" onClick={() => backtest.mutate(rule)} disabled={backtest.isPending}>
        {backtest.isPending ? "Replaying the last 7 days…" : "Backtest over 7 days"}
      </button>
      {backtest.error && <span className="error"> {backtest.error.message}</span>}
      {result && (
        <div>
          <p>
            <strong>
              Would have fired {result.firings} time{result.firings === 1 ? "" : "s"}
            </strong>
            {result.firings > 0 && ` on ${result.series} series`} in the last 7 days (evaluated every{" "}
            {result.stepSeconds / 60} min).
          </p>
          {result.incidents.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th>Series</th>
                  <th>Fired</th>
                  <th>Resolved</th>
                </tr>
              </thead>
              <tbody>
                {result.incidents
                  .slice(-10)
                  .reverse()
                  .map((i) => (
                    <tr key={`${labelText(i.labels)} ${i.firedAt}`}>
                      <td>
                        <code>{labelText(i.labels)}</code>
                      </td>
                      <td>{formatWhen(i.firedAt)}</td>
                      <td>{i.resolvedAt ? formatWhen(i.resolvedAt) : "still firing"}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
