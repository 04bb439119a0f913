// Annotations as chart marks (pure): alert transitions coloured by what happened, deploys in purple.
import type { AnnotationDto } from "@/lib/schemas/dashboards";

const COLORS: Record<string, string> = {
  firing: "#c62f3b",
  acknowledged: "#b7791f",
  resolved: "#1f8a4c",
  deploy: "#7b4bc4",
};

export type AnnotationMark = { t: number; color: string; text: string; short: string };

export const toChartAnnotations = (annotations: AnnotationDto[]): AnnotationMark[] =>
  annotations.map((a) => ({
    t: a.t,
    color: COLORS[a.kind === "deploy" ? "deploy" : (a.state ?? "firing")] ?? "#6b7280",
    text: a.text,
    short: a.kind === "deploy" ? "deploy" : (a.state ?? ""),
  }));
