// Runs once per server process. Starts background upkeep in the Node runtime only.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startStorageMaintenance } = await import("./lib/db/storage-maintenance");
  startStorageMaintenance();
  const { startRollupRefresher } = await import("./lib/series/rollups");
  const { getPool } = await import("./lib/db/client");
  startRollupRefresher(getPool);
  const { startAlertScheduler } = await import("./lib/alerts/scheduler");
  startAlertScheduler();
  const { env } = await import("./lib/env");
  if (env().DEMO) {
    const { startLiveDemo } = await import("./lib/demo/live-demo");
    startLiveDemo();
  }
}
