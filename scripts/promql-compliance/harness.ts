// The compliance run, shared by `npm run test:promql-compliance` and the test suite: a real
// Prometheus and Telltale receive the same demo-service data over remote_write, then every
// case of the query set runs as a range query against both.
import { sendRemoteWrite, startPrometheus } from "../lib/prometheus";
import { demoServiceData, timeSlices } from "./demo-data";
import { loadComplianceCases } from "./queries";
import { runCases, type CaseResult, type Target } from "./run";

export async function runCompliance(
  telltale: Target,
  opts: { hours?: number; log?: (line: string) => void } = {},
): Promise<CaseResult[]> {
  const hours = opts.hours ?? 3;
  const prometheus = await startPrometheus();
  try {
    const to = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
    const from = to - hours * 3_600_000;
    const data = demoServiceData(from, to);
    const samples = data.reduce((n, s) => n + s.samples.length, 0);
    opts.log?.(`Sending ${samples.toLocaleString("en")} samples of ${data.length} series (${hours} h) to both…`);
    for (const slice of timeSlices(data, from, to, 10 * 60_000)) {
      await Promise.all([
        sendRemoteWrite(`${prometheus.url}/api/v1/write`, slice),
        sendRemoteWrite(`${telltale.url}/api/v1/write`, slice, telltale.headers),
      ]);
    }
    // One hour at 10 s steps, ending before the newest data (the tester's default shape).
    const end = to - 2 * 60_000;
    return await runCases(loadComplianceCases(), { url: prometheus.url }, telltale, {
      start: end - 3_600_000,
      end,
      stepSeconds: 10,
    });
  } finally {
    prometheus.stop();
  }
}
