// format_query: Telltale prints PromQL exactly as Prometheus 2.42 does, checked against the
// real one for every compliance query plus long expressions that must split over lines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as formatRoute } from "@/app/api/v1/format_query/route";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { parsePromQL } from "@/lib/promql/parse";
import { prettify } from "@/lib/promql/print";
import { startPrometheus } from "@/scripts/lib/prometheus";
import { loadComplianceCases } from "@/scripts/promql-compliance/queries";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";

const LONG = [
  'sum by (job, instance) (rate(http_requests_total{status=~"5..", route!="/health"}[5m])) / sum by (job, instance) (rate(http_requests_total[5m])) > 0.05',
  'histogram_quantile(0.99, sum by (le, service, route) (rate(http_server_request_duration_seconds_bucket{service="checkout"}[5m] offset 1w)))',
  'label_replace(max_over_time(some_really_quite_long_metric_name_for_testing{label_one="value", label_two="another"}[30m]), "dst", "$1", "src", "(.*)")',
  "-(sum(rate(a_metric_with_a_long_name_total[5m])) + sum(rate(another_metric_with_a_long_name_total[5m])) + sum(rate(third_total[5m])))",
  'topk(5, avg_over_time(rate(container_cpu_usage_seconds_total{namespace="production", container!=""}[5m])[1h:1m]))',
  "(aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa + bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb) * ccccccccccccccccccccccccccccccccccccccccc",
  'count_values("value", build_info{job="a_long_job_name_that_goes_on_and_on", instance="host.example.com:9100"}) > bool 1',
];
const ODD = [
  "SUM(x) BY (a)",
  "x @ 1609746000",
  "x[5m] @ start() offset -1w",
  "rate(x[1d2h3m4s5ms])",
  '{__name__="x", a="\\n\\t\\"é"}',
  "1e-7 + 1e21 + 123456789 + 0.1 + 1234567",
  "a and on () b",
  "a or ignoring (c) b",
  "x[5m:]",
  "+x",
  "- -1",
  "((x))",
  "x offset 90s",
  "sum without () (x)",
];

describe("format_query", () => {
  useTestDatabase();
  let prometheus: Awaited<ReturnType<typeof startPrometheus>>;
  beforeAll(async () => {
    prometheus = await startPrometheus();
  });
  afterAll(() => prometheus?.stop());

  const queries = [
    ...loadComplianceCases()
      .filter((c) => !c.shouldFail)
      .map((c) => c.query),
    ...LONG,
    ...ODD,
  ];

  it(`prints ${queries.length} queries as Prometheus does`, async () => {
    const differences: string[] = [];
    for (const query of queries) {
      const res = await fetch(`${prometheus.url}/api/v1/format_query?${new URLSearchParams({ query })}`);
      const theirs = ((await res.json()) as { data: string }).data;
      const ours = prettify(parsePromQL(query));
      if (ours !== theirs) differences.push(`${query}\n  ours:   ${ours}\n  theirs: ${theirs}`);
    }
    expect(differences).toEqual([]);
  });

  it("answers in Prometheus' envelope, bad queries with bad_data", async () => {
    const tenant = await makeClient("fmt");
    const { key } = await createApiKey(tenant, { name: "fmt", scopes: ["read"] });
    const call = async (query: string) => {
      const res = await formatRoute(
        new Request(`http://t/api/v1/format_query?${new URLSearchParams({ query })}`, {
          headers: { authorization: `Bearer ${key}` },
        }),
        { params: Promise.resolve({}) },
      );
      return { status: res.status, body: await res.json() };
    };
    expect(await call("sum(rate(x[90s]))by(job)")).toEqual({
      status: 200,
      body: { status: "success", data: "sum by (job) (rate(x[1m30s]))" },
    });
    const bad = await call("sum(");
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ status: "error", errorType: "bad_data" });
  });
});
