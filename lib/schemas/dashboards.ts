import { z } from "zod";
import { EXPLORE_RANGES } from "./explore";

export const PANEL_TYPES = ["timeseries", "bar", "stat", "gauge", "table", "heatmap"] as const;
export const SERIES_STYLES = ["line", "area", "stacked"] as const;
export const UNITS = ["none", "percent", "percentunit", "ms", "s", "bytes", "reqps", "currency"] as const;
/** "live" polls every second: a sample ingested now shows within two. */
export const REFRESH = ["off", "live", "5s", "10s", "30s", "1m"] as const;
/** A dashed copy of each series: the window just before, or the same window a week earlier. */
export const COMPARE = ["none", "previous", "week"] as const;
export type PanelType = (typeof PANEL_TYPES)[number];
export const PANEL_TYPE_LABELS: Record<PanelType, string> = {
  timeseries: "Time series",
  bar: "Bar (latest per series)",
  stat: "Stat with sparkline",
  gauge: "Gauge",
  table: "Table",
  heatmap: "Heatmap (histogram buckets by le)",
};
export type Unit = (typeof UNITS)[number];
export type Refresh = (typeof REFRESH)[number];

const GRID_COLUMNS = 12;
const name = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export const thresholdSchema = z.object({
  value: z.number({ message: "A number" }).finite(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "A colour like #d9480f"),
});

export const panelSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, "Panel ids: lowercase letters, digits, -"),
  title: z.string().trim().min(1, "Give the panel a title").max(200),
  type: z.enum(PANEL_TYPES),
  /** PromQL; $name (or ${name}) stands for a variable's value. */
  query: z.string().trim().min(1, "Enter a PromQL query").max(4000),
  /** Legend text per series, e.g. "{{service}}"; empty shows the labels. */
  legend: z.string().max(200).default(""),
  layout: z
    .object({
      x: z
        .number()
        .int()
        .min(0)
        .max(GRID_COLUMNS - 1),
      y: z.number().int().min(0).max(1000),
      w: z.number().int().min(1).max(GRID_COLUMNS),
      h: z.number().int().min(2).max(40),
    })
    .refine((l) => l.x + l.w <= GRID_COLUMNS, "The panel runs off the grid's 12 columns"),
  options: z
    .object({
      unit: z.enum(UNITS).default("none"),
      decimals: z.number().int().min(0).max(10).optional(),
      style: z.enum(SERIES_STYLES).default("line"),
      compare: z.enum(COMPARE).default("none"),
      /** Ascending; a value at or above one takes its colour (stat, gauge, lines drawn on charts). */
      thresholds: z.array(thresholdSchema).max(10).default([]),
      /** Gauge range. */
      min: z.number().finite().optional(),
      max: z.number().finite().optional(),
    })
    .default({ unit: "none", style: "line", compare: "none", thresholds: [] }),
});
export type Panel = z.output<typeof panelSchema>;
export type PanelInput = z.input<typeof panelSchema>;

/** A drop-down of label values, e.g. $service from the `service` label of http_requests_total. */
export const variableSchema = z.object({
  name: z.string().regex(name, "Variable names: letters, digits, _ (used as $name)"),
  label: z.string().regex(name, "A label name"),
  /** The series whose label values fill the list (a selector); empty: every series. */
  match: z.string().trim().max(1000).default(""),
  multi: z.boolean().default(false),
  /** Offers "All" (matches every value). */
  includeAll: z.boolean().default(true),
});
export type Variable = z.output<typeof variableSchema>;

export const definitionSchema = z
  .object({
    panels: z.array(panelSchema).max(50, "At most 50 panels").default([]),
    variables: z.array(variableSchema).max(10).default([]),
    /** What the dashboard opens with when the URL says nothing. */
    range: z.enum(EXPLORE_RANGES).default("6h"),
    refresh: z.enum(REFRESH).default("off"),
    /** Alert transitions and deploys drawn on time series. */
    annotations: z.boolean().default(true),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.panels.forEach((p, i) => {
      if (seen.has(p.id))
        ctx.addIssue({ code: "custom", path: ["panels", i, "id"], message: `Two panels are ${p.id}` });
      seen.add(p.id);
    });
    const names = new Set<string>();
    d.variables.forEach((v, i) => {
      if (names.has(v.name))
        ctx.addIssue({ code: "custom", path: ["variables", i, "name"], message: `$${v.name} is defined twice` });
      names.add(v.name);
    });
  });
export type Definition = z.output<typeof definitionSchema>;

export const dashboardSchema = z.object({
  title: z.string().trim().min(1, "Name the dashboard").max(200),
  description: z.string().trim().max(2000).default(""),
  definition: definitionSchema.default({ panels: [], variables: [], range: "6h", refresh: "off", annotations: true }),
});
export type DashboardInput = z.input<typeof dashboardSchema>;

/** What export writes and import reads: the dashboard without ids or owners, versioned. */
export const dashboardExportSchema = dashboardSchema.extend({ telltaleDashboard: z.literal(1) });
export type DashboardExport = z.output<typeof dashboardExportSchema>;

export type DashboardSummaryDto = {
  id: string;
  title: string;
  description: string;
  panels: number;
  updatedAt: string;
  createdBy: string;
};
export type DashboardDto = z.output<typeof dashboardSchema> & {
  id: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
};

export const annotationsQuerySchema = z
  .object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() })
  .refine((q) => q.to > q.from && q.to - q.from <= 32 * 86_400_000, {
    path: ["to"],
    message: "to must come after from, at most 32 days later",
  });
export type AnnotationDto = {
  t: number;
  kind: "alert" | "deploy";
  text: string;
  severity?: string;
  /** firing, acknowledged, resolved (alerts). */
  state?: string;
  incidentId?: string;
};
