// histogram_quantile over classic (le-bucketed) histograms, as Prometheus' bucketQuantile (pure).
import { dropName, signature, type Labels, type Sample } from "./types";

type Bucket = { upper: number; count: number };

function bucketQuantile(q: number, buckets: Bucket[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  buckets.sort((a, b) => a.upper - b.upper);
  if (buckets.length < 2 || buckets[buckets.length - 1].upper !== Infinity) return NaN;
  // Counts must not decrease with le; Prometheus repairs small inconsistencies this way.
  for (let i = 1; i < buckets.length; i++)
    if (buckets[i].count < buckets[i - 1].count) buckets[i].count = buckets[i - 1].count;
  const observations = buckets[buckets.length - 1].count;
  if (observations === 0) return NaN;
  const rank = q * observations;
  const b = buckets.findIndex((x) => x.count >= rank);
  if (b === buckets.length - 1) return buckets[buckets.length - 2].upper;
  if (b === 0 && buckets[0].upper <= 0) return buckets[0].upper;
  let bucketStart = 0;
  let bucketEnd = buckets[b].upper;
  let count = buckets[b].count;
  let rankInBucket = rank;
  if (b > 0) {
    bucketStart = buckets[b - 1].upper;
    count -= buckets[b - 1].count;
    rankInBucket -= buckets[b - 1].count;
  }
  return bucketStart + (bucketEnd - bucketStart) * (rankInBucket / count);
}

export function histogramQuantile(q: number, samples: Sample[], t: number): Sample[] {
  const groups = new Map<string, { labels: Labels; buckets: Bucket[] }>();
  for (const s of samples) {
    const le = s.labels.le;
    if (le === undefined) continue;
    const upper = le === "+Inf" ? Infinity : Number(le);
    if (Number.isNaN(upper)) continue;
    const { le: _le, ...rest } = dropName(s.labels);
    const key = signature(rest);
    const g = groups.get(key) ?? { labels: rest, buckets: [] };
    g.buckets.push({ upper, count: s.v });
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ labels: g.labels, t, v: bucketQuantile(q, g.buckets) }));
}
