// histogram_quantile over classic (le-bucketed) histograms, as Prometheus' bucketQuantile (pure).
import { dropName, signature, type Labels, type Sample } from "./types";

type Bucket = { upper: number; count: number };

/** Go's sort.Search: the smallest i in [0, n) with pred(i), or n (a binary search, as Prometheus runs it). */
function search(n: number, pred: (i: number) => boolean): number {
  let [lo, hi] = [0, n];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (!pred(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Buckets with the same upper bound (e.g. le="1" and le="1.0") count as one. */
function coalesce(buckets: Bucket[]): Bucket[] {
  const out: Bucket[] = [];
  for (const b of buckets) {
    const last = out[out.length - 1];
    if (last && last.upper === b.upper) last.count += b.count;
    else out.push({ ...b });
  }
  return out;
}

function bucketQuantile(q: number, input: Bucket[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const sorted = [...input].sort((a, b) => a.upper - b.upper);
  if (sorted[sorted.length - 1].upper !== Infinity) return NaN;
  const buckets = coalesce(sorted);
  // Counts must not decrease with le; Prometheus repairs inconsistencies (not NaN) this way.
  let max = -Infinity;
  for (const b of buckets) {
    if (b.count > max) max = b.count;
    else if (b.count < max) b.count = max;
  }
  if (buckets.length < 2) return NaN;
  const observations = buckets[buckets.length - 1].count;
  if (observations === 0) return NaN;
  let rank = q * observations;
  const b = search(buckets.length - 1, (i) => buckets[i].count >= rank);
  if (b === buckets.length - 1) return buckets[buckets.length - 2].upper;
  if (b === 0 && buckets[0].upper <= 0) return buckets[0].upper;
  let bucketStart = 0;
  const bucketEnd = buckets[b].upper;
  let count = buckets[b].count;
  if (b > 0) {
    bucketStart = buckets[b - 1].upper;
    count -= buckets[b - 1].count;
    rank -= buckets[b - 1].count;
  }
  return bucketStart + (bucketEnd - bucketStart) * (rank / count);
}

/** Go's strconv.ParseFloat for le values: Inf/NaN spellings, decimal or exponent form, nothing else. */
export function parseGoFloat(text: string): number {
  const t = text.toLowerCase();
  if (/^[+-]?(inf|infinity)$/.test(t)) return t.startsWith("-") ? -Infinity : Infinity;
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t) ? Number(t) : NaN;
}

export function histogramQuantile(q: number, samples: Sample[], t: number): Sample[] {
  const groups = new Map<string, { labels: Labels; buckets: Bucket[] }>();
  for (const s of samples) {
    const le = s.labels.le;
    if (le === undefined) continue;
    const upper = parseGoFloat(le);
    if (Number.isNaN(upper) && le.toLowerCase() !== "nan") continue;
    const { le: _le, ...rest } = dropName(s.labels);
    const key = signature(rest);
    const g = groups.get(key) ?? { labels: rest, buckets: [] };
    g.buckets.push({ upper, count: s.v });
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ labels: g.labels, t, v: bucketQuantile(q, g.buckets) }));
}
