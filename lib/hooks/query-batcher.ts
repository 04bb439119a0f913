"use client";
// Panel queries asked for in the same moment (a dashboard loading, a live tick) go to the
// server as one request: one session check and one connection instead of one per panel, and
// no panel waits behind the browser's six connections. Each query still resolves or fails alone.
import type { ExploreBatchItem, ExploreQueryInput, ExploreResult } from "@/lib/schemas/explore";
import { ApiClientError, apiFetch } from "./api-fetch";

type Pending = { input: ExploreQueryInput; resolve: (r: ExploreResult) => void; reject: (e: unknown) => void };

const MAX_BATCH = 60;
// Long enough for panels whose live timers fire a moment apart to share a request.
const WAIT_MS = 5;
const queues = new Map<string, Pending[]>();

async function flush(slug: string) {
  const pending = queues.get(slug) ?? [];
  queues.delete(slug);
  for (let i = 0; i < pending.length; i += MAX_BATCH) {
    const batch = pending.slice(i, i + MAX_BATCH);
    try {
      const { results } = await apiFetch<{ results: ExploreBatchItem[] }>(`/api/v1/clients/${slug}/queries`, {
        method: "POST",
        body: { queries: batch.map((p) => p.input) },
      });
      results.forEach((r, j) => {
        if ("result" in r) batch[j].resolve(r.result);
        else
          batch[j].reject(
            new ApiClientError(r.status, r.error.code, r.error.message, r.error.details as ApiClientError["details"]),
          );
      });
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}

/** One query's answer, sent with the other queries asked for within a few milliseconds. */
export function batchedExploreQuery(slug: string, input: ExploreQueryInput): Promise<ExploreResult> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(slug);
    if (!queue) {
      queue = [];
      queues.set(slug, queue);
      setTimeout(() => void flush(slug), WAIT_MS);
    }
    queue.push({ input, resolve, reject });
  });
}
