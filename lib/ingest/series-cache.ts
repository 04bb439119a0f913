// Label set → series id, per client, in memory: most samples belong to series seen
// before, so the hot path does no dictionary query. Bounded; evicts oldest entries.
export class SeriesCache {
  private map = new Map<string, bigint>();
  constructor(private readonly maxEntries = 1_000_000) {}

  get(clientId: string, hash: string): bigint | undefined {
    return this.map.get(`${clientId}:${hash}`);
  }

  set(clientId: string, hash: string, id: bigint): void {
    if (this.map.size >= this.maxEntries) {
      // Map iterates in insertion order: drop the oldest tenth at once.
      let drop = Math.ceil(this.maxEntries / 10);
      for (const k of this.map.keys()) {
        this.map.delete(k);
        if (--drop === 0) break;
      }
    }
    this.map.set(`${clientId}:${hash}`, id);
  }

  get size() {
    return this.map.size;
  }
}
