// A stand-in for one app replica's background work, for the two-process test: "scheduler"
// runs the leader-elected alert loop as the server does; "deliver" runs the outbox worker in a
// loop without the lock, so two of them race for the same rows. Prints what it does.
import { startAlertScheduler } from "../../lib/alerts/scheduler";
import { incidentChart } from "../../lib/alerts/incident-chart";
import { deliverDue } from "../../lib/notify/deliver";

const mode = process.argv[2];
if (mode === "scheduler") {
  startAlertScheduler(200, () => console.log("leader"));
  setInterval(() => {}, 1000); // keep the process alive; the scheduler's timer is unref'd
} else if (mode === "deliver") {
  const loop = async () => {
    for (;;) {
      const { sent } = await deliverDue(undefined, incidentChart);
      if (sent) console.log(`sent ${sent}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  void loop();
} else {
  console.error("usage: alert-worker.ts scheduler|deliver");
  process.exit(2);
}
console.log("ready");
