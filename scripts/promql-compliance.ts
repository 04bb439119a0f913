// `npm run test:promql-compliance`: the community's PromQL compliance query set (539 cases)
// as range queries against a real Prometheus 2.42 and against Telltale, over the same
// demo-service data sent to both by remote_write. Prints N/539 and every difference.
import { setEnv } from "../lib/env";
import { runCompliance } from "./promql-compliance/harness";
import { scratchDatabase } from "./lib/scratch-db";
import { serveRoutes } from "./lib/serve-routes";
import { ensureSystemTools } from "./lib/system-tools";

async function main() {
  ensureSystemTools();
  const { key, stop } = await scratchDatabase("telltale_compliance", ["ingest", "read"]);
  setEnv({ INGEST_RATE_LIMIT: "100000000" });
  const { POST: write } = await import("../app/api/v1/write/route");
  const { POST: queryRange } = await import("../app/api/v1/query_range/route");
  const telltale = await serveRoutes({ "POST /api/v1/write": write, "POST /api/v1/query_range": queryRange });
  try {
    const results = await runCompliance(
      { url: telltale.url, headers: { Authorization: `Bearer ${key}` } },
      { hours: Number(process.env.COMPLIANCE_HOURS ?? 3), log: console.log },
    );
    const failed = results.filter((r) => r.difference);
    for (const r of failed) console.log(`✗ ${r.query}\n    ${r.difference}`);
    const passed = results.length - failed.length;
    console.log(
      `\nPromQL compliance: ${passed}/${results.length} (${((100 * passed) / results.length).toFixed(2)}%) against Prometheus 2.42, ` +
        `range queries over 1 h at 10 s steps.`,
    );
    process.exitCode = failed.length ? 1 : 0;
  } finally {
    await telltale.close();
    await stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
