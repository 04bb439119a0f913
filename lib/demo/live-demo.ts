// With DEMO on, the server feeds the demo client a gentle stream of fresh data every
// few seconds, through the same ingest pipeline as real senders, so its views move.
import { systemTenant } from "@/lib/auth/tenant-access";
import { ingest } from "@/lib/ingest/pipeline";
import { emptyBatch } from "@/lib/ingest/normalized";
import { DEMO_CLIENT } from "./seed-demo";
import { TrafficGenerator } from "./traffic";

const TICK_MS = 10_000;

export function startLiveDemo(): void {
  const traffic = new TrafficGenerator(Date.now() % 100_000, 1);
  const tick = async () => {
    try {
      const tenant = await systemTenant(DEMO_CLIENT.slug, "live-demo");
      const now = Date.now();
      const batch = emptyBatch();
      batch.metrics = traffic.metrics(now, 0.5);
      batch.events = traffic.events(now, 6);
      batch.spans = traffic.spans(now, 8);
      batch.received = batch.metrics.length + batch.events.length + batch.spans.length;
      await ingest(tenant, batch);
    } catch (err) {
      console.error("[demo] live traffic failed:", (err as Error).message);
    }
  };
  setInterval(tick, TICK_MS).unref();
}
