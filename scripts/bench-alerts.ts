// `npm run bench:alerts`: alert detection and notification latency end to end, and the time
// one evaluation round takes for 1,000 rules. A breaching sample is POSTed to the ingest
// route over HTTP; detection is from its 2xx to the incident firing (the server's scheduler,
// rule interval 10 s); notification is from firing to the mail arriving at a real SMTP server.
import { setEnv } from "../lib/env";
import { scratchDatabase } from "./lib/scratch-db";
import { serveRoutes } from "./lib/serve-routes";
import { startSmtp } from "./lib/smtp-sink";
import { pct } from "./lib/stats";

const PROBES = Number(process.env.BENCH_PROBES ?? 30);
const RULES = Number(process.env.BENCH_RULES ?? 1000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const { tenant, key, stop } = await scratchDatabase("telltale_bench_alerts", ["ingest", "read", "admin"]);
  const smtp = await startSmtp();
  setEnv({ SMTP_URL: smtp.url, INGEST_RATE_LIMIT: "100000000" });
  const { createUser } = await import("../lib/users/create-user");
  const { addMember } = await import("../lib/members/members");
  const { createRule } = await import("../lib/alerts/rules");
  const { evaluateDueRules } = await import("../lib/alerts/evaluate");
  const { startAlertScheduler } = await import("../lib/alerts/scheduler");
  const { getPrisma } = await import("../lib/db/client");
  const { POST: metrics } = await import("../app/api/v1/metrics/route");
  await createUser(null, { email: "oncall@bench.test", name: "On call", password: "correct-horse-battery" });
  await addMember(tenant, { email: "oncall@bench.test", role: "admin" });
  const app = await serveRoutes({ "POST /api/v1/metrics": metrics });
  const send = async (probe: string, value: number) => {
    const res = await fetch(`${app.url}/api/v1/metrics`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        series: [{ name: "bench_probe_value", labels: { probe }, points: [[Date.now(), value]] }],
      }),
    });
    if (!res.ok) throw new Error(`ingest ${res.status}`);
    return Date.now();
  };

  console.log(`\nTelltale alerting benchmark: ${PROBES} breaches, rule interval 10 s, scheduler tick 1 s\n`);
  await createRule(tenant, {
    name: "probe high",
    query: "bench_probe_value",
    comparator: ">",
    threshold: 100,
    intervalSeconds: 10,
  });
  const stopScheduler = startAlertScheduler(1000);
  // Breaches at random moments relative to the rule's evaluation cycle, each a new series.
  const acked = new Map<string, number>();
  for (let i = 0; i < PROBES; i++) {
    acked.set(`p${i}`, await send(`p${i}`, 150));
    await sleep(700 + Math.random() * 600);
  }
  const deadline = Date.now() + 60_000;
  let incidents: { labels: unknown; firedAt: Date | null; id: string }[] = [];
  while (Date.now() < deadline) {
    incidents = await getPrisma().incident.findMany({ where: { state: "firing" } });
    const unsent = await getPrisma().notification.count({ where: { status: { not: "sent" } } });
    if (incidents.length >= PROBES && unsent === 0) break;
    await sleep(250);
  }
  const qp = (raw: string) =>
    raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  const decoded = [...smtp.received].sort((a, b) => a.at - b.at).map((m) => ({ at: m.at, text: qp(m.raw) }));
  const detection: number[] = [];
  const notification: number[] = [];
  for (const inc of incidents) {
    const probe = (inc.labels as { probe: string }).probe;
    const fired = inc.firedAt!.getTime();
    detection.push(fired - acked.get(probe)!);
    // The first mail naming the series: a grouped message (the rule's notices to one person
    // within ALERT_GROUP_WAIT_SECONDS) lists each of its series. Bodies are quoted-printable.
    const mail = decoded.find((m) => m.text.includes(`probe="${probe}"`));
    if (mail) notification.push(mail.at - fired);
  }
  console.log(
    `fired ${incidents.length}/${PROBES}, notified ${notification.length}/${PROBES} in ${smtp.received.length} mails (grouped within ALERT_GROUP_WAIT_SECONDS)`,
  );
  console.log("measure | p50 ms | p99 ms | max ms | target");
  console.log(
    `detection (ingest 2xx → firing) | ${pct(detection, 50)} | ${pct(detection, 99)} | ${Math.max(...detection)} | p99 ≤ 15,000`,
  );
  console.log(
    `notification (firing → mail received) | ${pct(notification, 50)} | ${pct(notification, 99)} | ${Math.max(...notification)} | ≤ 5,000`,
  );

  stopScheduler();
  // One round over many rules: each a threshold on its own series selector.
  for (let i = 0; i < RULES; i++)
    await createRule(tenant, {
      name: `rule ${i}`,
      query: `bench_probe_value{probe="p${i % PROBES}"}`,
      comparator: ">",
      threshold: 1000,
    });
  const rounds: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const result = await evaluateDueRules(Date.now() + (r + 1) * 3_600_000);
    rounds.push(performance.now() - t0);
    if (result.evaluated < RULES) throw new Error(`only ${result.evaluated} rules evaluated`);
  }
  console.log(
    `\none evaluation round, ${RULES + 1} rules: ${rounds.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(", ")} (${(Math.min(...rounds) / (RULES + 1)).toFixed(2)} ms per rule)`,
  );
  await app.close();
  await smtp.close();
  await stop();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
