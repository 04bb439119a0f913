// GET /api/v1/status/buildinfo — Prometheus build info (read key); Grafana reads the version
import pkg from "@/package.json";
import { promRoute, promSuccess } from "@/lib/prom-api/prom-route";

// The Prometheus API version whose behaviour Telltale follows (issue 4 grades against 2.42).
const PROMETHEUS_COMPATIBLE_VERSION = "2.42.0";

export const GET = promRoute("/api/v1/status/buildinfo", async () =>
  promSuccess({
    version: PROMETHEUS_COMPATIBLE_VERSION,
    revision: `telltale-${pkg.version}`,
    branch: "",
    buildUser: "telltale",
    buildDate: "",
    goVersion: "",
  }),
);
