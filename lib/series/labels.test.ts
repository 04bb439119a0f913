import { describe, expect, it } from "vitest";
import { canonicalLabels, labelSetKey, labelSetKeyHash } from "./labels";

describe("label sets", () => {
  it("hashes the same set the same whatever the order", () => {
    expect(Object.keys(canonicalLabels("up", { job: "api", instance: "a:1" }))).toEqual([
      "__name__",
      "instance",
      "job",
    ]);
    const a = labelSetKey("up", { job: "api", instance: "a:1" });
    const b = labelSetKey("up", { instance: "a:1", job: "api" });
    expect(a).toBe(b);
    expect(labelSetKeyHash(a).equals(labelSetKeyHash(b))).toBe(true);
  });

  it("tells apart sets that would collide if naively concatenated", () => {
    const a = labelSetKey("m", { a: "b,c=d" });
    const b = labelSetKey("m", { a: "b", c: "d" });
    expect(labelSetKeyHash(a).equals(labelSetKeyHash(b))).toBe(false);
  });
});
