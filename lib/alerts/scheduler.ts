// Alert evaluation and delivery inside the server. Only one replica works at a time: the
// leader holds a PostgreSQL session advisory lock on a connection of its own; when that
// process dies its connection closes, the lock frees, and another replica takes over at
// its next tick (1 s). GET /api/cron/alerts runs the same round for external schedulers.
import type pg from "pg";
import { getPool } from "@/lib/db/client";
import { deliverDue } from "@/lib/notify/deliver";
import { incidentChart } from "./incident-chart";
import { escalateDue } from "./escalation";
import { evaluateDueRules } from "./evaluate";

export const ALERTS_LOCK_KEY = 7_220_002;

/** One round: due rules, due escalation steps, then due notifications. */
export async function alertRound(now = Date.now()) {
  const evaluation = await evaluateDueRules(now);
  const escalated = await escalateDue(now);
  const delivery = await deliverDue(undefined, incidentChart);
  return { ...evaluation, escalated, ...delivery };
}

/** Runs `work` while holding the alerts lock for the duration only (for the cron route); null when busy. */
export async function withAlertsLock<T>(work: () => Promise<T>): Promise<T | null> {
  const conn = await getPool().connect();
  try {
    const { rows } = await conn.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [ALERTS_LOCK_KEY]);
    if (!rows[0].ok) return null;
    try {
      return await work();
    } finally {
      await conn.query("SELECT pg_advisory_unlock($1)", [ALERTS_LOCK_KEY]);
    }
  } finally {
    conn.release();
  }
}

/** Starts the loop; returns a function that stops it and gives up leadership. */
export function startAlertScheduler(everyMs = 1000, onLeader?: () => void): () => void {
  let leader: pg.PoolClient | undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      if (!leader) {
        const conn = await getPool().connect();
        const { rows } = await conn.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [ALERTS_LOCK_KEY]);
        if (rows[0].ok) {
          leader = conn;
          onLeader?.();
          conn.on("error", () => {
            leader?.release(true);
            leader = undefined;
          });
        } else conn.release();
      }
      if (leader) await alertRound();
    } catch (err) {
      console.error("[alerts] round failed:", (err as Error).message);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    leader?.release(true);
    leader = undefined;
  };
}
