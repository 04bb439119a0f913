import { describe, expect, it } from "vitest";
import { canonicalLabels, labelsHash } from "./labels";

describe("label sets", () => {
  it("hashes the same set the same whatever the order", () => {
    const a = canonicalLabels("up", { job: "api", instance: "a:1" });
    const b = canonicalLabels("up", { instance: "a:1", job: "api" });
    expect(Object.keys(a)).toEqual(["__name__", "instance", "job"]);
    expect(labelsHash(a).equals(labelsHash(b))).toBe(true);
  });

  it("tells apart sets that would collide if naively concatenated", () => {
    const a = canonicalLabels("m", { a: "b,c=d" });
    const b = canonicalLabels("m", { a: "b", c: "d" });
    expect(labelsHash(a).equals(labelsHash(b))).toBe(false);
  });
});
