// Values with units for panels and tooltips (pure): 12.3 ms, 1.5 s, 2.4 MiB, 12 %, 3.2 req/s.
import type { Unit } from "@/lib/schemas/dashboards";

const BYTE_STEPS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

function round(v: number, decimals?: number) {
  if (decimals !== undefined) return v.toFixed(decimals);
  const a = Math.abs(v);
  const d = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return String(Number(v.toFixed(d)));
}

/** A compact number: 1.2k, 3.4M. */
function compact(v: number, decimals?: number) {
  const a = Math.abs(v);
  if (a >= 1e9) return `${round(v / 1e9, decimals)}G`;
  if (a >= 1e6) return `${round(v / 1e6, decimals)}M`;
  if (a >= 1e4) return `${round(v / 1e3, decimals)}k`;
  return round(v, decimals);
}

export function formatUnit(v: number | null | undefined, unit: Unit = "none", decimals?: number): string {
  if (v === null || v === undefined) return "–";
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "+Inf" : "-Inf";
  switch (unit) {
    case "percent":
      return `${round(v, decimals)} %`;
    case "percentunit":
      return `${round(v * 100, decimals)} %`;
    case "ms":
      return Math.abs(v) >= 1000 ? formatUnit(v / 1000, "s", decimals) : `${round(v, decimals)} ms`;
    case "s":
      if (Math.abs(v) < 1) return `${round(v * 1000, decimals)} ms`;
      if (Math.abs(v) >= 3600) return `${round(v / 3600, decimals)} h`;
      if (Math.abs(v) >= 60) return `${round(v / 60, decimals)} min`;
      return `${round(v, decimals)} s`;
    case "bytes": {
      let i = 0;
      let x = v;
      while (Math.abs(x) >= 1024 && i < BYTE_STEPS.length - 1) {
        x /= 1024;
        i++;
      }
      return `${round(x, decimals)} ${BYTE_STEPS[i]}`;
    }
    case "reqps":
      return `${compact(v, decimals)} req/s`;
    case "currency":
      return v.toLocaleString(undefined, {
        maximumFractionDigits: decimals ?? 2,
        minimumFractionDigits: decimals ?? 2,
      });
    default:
      return compact(v, decimals);
  }
}
