// The Performance view over spans sent a moment before by the OpenTelemetry JS SDK (its own
// OTLP/HTTP JSON exporter): route latency, drill-down to a route, its slowest request, and
// that trace as a waterfall. On globex: admin.spec samples acme's traces, and these figures
// are exact only unsampled.
import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { expect, test } from "@playwright/test";
import { fixtures, signIn } from "./helpers";

async function sendRequests(baseURL: string) {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": "e2e-payments" }),
    spanProcessors: [
      // Batched: one span per export would pass the exporter's limit of 30 concurrent requests.
      new BatchSpanProcessor(
        new OTLPTraceExporter({
          url: `${baseURL}/api/otlp/v1/traces`,
          headers: { Authorization: `Bearer ${fixtures().globex.apiKey}` },
        }),
      ),
    ],
  });
  const tracer = provider.getTracer("e2e");
  const start = Date.now() - 10 * 60_000;
  const request = (route: string, at: number, ms: number, failed = false) => {
    const root = tracer.startSpan(`POST ${route}`, {
      kind: SpanKind.SERVER,
      startTime: at,
      attributes: { "http.route": route },
    });
    const db = tracer.startSpan(
      "INSERT payments",
      { kind: SpanKind.CLIENT, startTime: at + 5 },
      trace.setSpan(context.active(), root),
    );
    db.end(at + 5 + ms / 2);
    if (failed) root.setStatus({ code: SpanStatusCode.ERROR, message: "card declined" });
    root.end(at + ms);
  };
  // /pay: 100, 110, … 290 ms, two of them failing; /refund: three slow ones.
  for (let i = 0; i < 20; i++) request("/pay", start + i * 10_000, 100 + i * 10, i % 10 === 0);
  for (let i = 0; i < 3; i++) request("/refund", start + i * 20_000, 2000 + i);
  await provider.shutdown();
}

test("a viewer sees the latency of spans sent through OTLP and drills down to a trace", async ({ page, baseURL }) => {
  await sendRequests(baseURL!);
  await signIn(page, "viewer@globex.test");
  await page.getByRole("link", { name: "Performance" }).click();
  await page.getByLabel("Service").selectOption("e2e-payments");
  await expect(page).toHaveURL(/service=e2e-payments/);

  const routes = page.getByRole("table", { name: "Routes by p95 latency" });
  await expect(routes.locator("tbody tr")).toHaveCount(2);
  await expect(routes.locator("tbody tr").first()).toContainText("/refund");
  const pay = routes.locator("tbody tr").filter({ hasText: "/pay" });
  // Weighted lower median of 20 requests: the 10th fastest, 190 ms; p99 290 ms; 2 of 20 failed.
  await expect(pay).toContainText("190 ms");
  await expect(pay).toContainText("290 ms");
  await expect(pay).toContainText("10.0 %");
  await expect(page.getByRole("table", { name: "Routes by error rate" })).toContainText("/pay");
  await expect(page.locator(".recharts-line").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/performance.png", fullPage: true });

  await pay.getByRole("button", { name: "/pay" }).click();
  await expect(page).toHaveURL(/route=%2Fpay/);
  await expect(page.getByRole("navigation", { name: "Breadcrumbs" })).toContainText(
    "All services › e2e-payments › /pay",
  );
  const slowest = page.getByRole("table", { name: "Slowest requests" });
  await expect(slowest.locator("tbody tr")).toHaveCount(20);
  await expect(slowest.locator("tbody tr").first()).toContainText("290 ms");

  await slowest.locator("tbody tr").first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: /Trace/ })).toBeVisible();
  const spans = page.getByRole("list", { name: "Spans" });
  await expect(spans.locator("li")).toHaveCount(2);
  await expect(spans.locator("li").first()).toContainText("POST /pay");
  await expect(spans.locator("li").nth(1)).toContainText("INSERT payments");
  await spans.locator("li summary").first().click();
  await expect(spans.locator("li").first()).toContainText("http.route");
  await page.screenshot({ path: "test-results/screens/trace.png", fullPage: true });

  // Back up the breadcrumbs to every service.
  await page.getByRole("link", { name: "Performance" }).first().click();
  await expect(page.getByRole("heading", { name: "Performance" })).toBeVisible();
});
