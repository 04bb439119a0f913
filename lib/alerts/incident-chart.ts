// The chart in an incident email: the rule's query over the hour before the notice, only the
// incidents' series, the threshold dashed and the firing time marked; a PNG attached inline
// (email clients do not show SVG).
import { getPrisma } from "@/lib/db/client";
import type { MailExtras } from "@/lib/notify/deliver";
import { escapeHtml } from "@/lib/render/escape-html";
import { lineChartSvg } from "@/lib/render/line-chart-svg";
import { svgToPng } from "@/lib/render/svg-to-png";
import { ruleTenant, seriesBetween } from "./observe";

const HOUR = 3_600_000;
const CID = "chart@telltale";

export const incidentChart: MailExtras = async (incidentIds) => {
  const incidents = await getPrisma().incident.findMany({
    where: { id: { in: incidentIds } },
    include: { rule: { include: { client: true } } },
  });
  const rule = incidents[0]?.rule;
  if (!rule?.query) return null;
  if (rule.kind === "composite" || (rule.params as { event?: string }).event) return null;
  const end = Date.now();
  const start = end - HOUR;
  const wanted = new Set(incidents.map((i) => i.fingerprint));
  const series = (await seriesBetween(ruleTenant(rule), rule.query, start, end, 30_000)).filter((s) =>
    wanted.has(s.fingerprint),
  );
  const firedAt = incidents.map((i) => (i.firedAt ?? i.startedAt).getTime()).sort((a, b) => a - b)[0];
  const png = svgToPng(
    lineChartSvg({
      title: `${rule.name}: the last hour`,
      lines: series.map((s) => ({ name: s.fingerprint, points: s.points })),
      threshold: rule.kind === "threshold" ? rule.threshold : undefined,
      marker: firedAt >= start ? firedAt : undefined,
    }),
  );
  return {
    html: `<p><img src="cid:${CID}" width="600" height="220" alt="${escapeHtml(rule.name)} over the last hour"></p>`,
    attachments: [{ filename: "chart.png", content: png, cid: CID }],
  };
};
