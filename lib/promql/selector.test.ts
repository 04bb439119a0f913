import { describe, expect, it } from "vitest";
import { parseSelector } from "./parse";
import { matchesAll, PromQLParseError, unquote } from "./selector";

describe("parseSelector", () => {
  it("reads the metric name and every kind of matcher", () => {
    expect(parseSelector(`up{job="api", instance=~"a.*", le!='1', env!~\`prod|stag\`}`)).toEqual([
      { name: "__name__", op: "=", value: "up" },
      { name: "job", op: "=", value: "api" },
      { name: "instance", op: "=~", value: "a.*" },
      { name: "le", op: "!=", value: "1" },
      { name: "env", op: "!~", value: "prod|stag" },
    ]);
    expect(parseSelector('{__name__=~"http_.+"}')).toEqual([{ name: "__name__", op: "=~", value: "http_.+" }]);
  });

  it("refuses what Prometheus refuses, with its error type", () => {
    for (const bad of ["up{", "rate(up[5m])", "up + up", '{job=~".*"}', '{job=""}', 'up{job="a"']) {
      expect(() => parseSelector(bad), bad).toThrow(PromQLParseError);
    }
  });

  it("unquotes Go strings", () => {
    expect(unquote('"a\\"b\\n"')).toBe('a"b\n');
    expect(unquote("'it\\'s'")).toBe("it's");
    expect(unquote("`raw\\n`")).toBe("raw\\n");
  });
});

describe("matchesAll", () => {
  it("anchors regexes and treats absent labels as empty", () => {
    const labels = { __name__: "http_requests_total", route: "/checkout" };
    expect(matchesAll(labels, parseSelector('http_requests_total{route=~"/check.*"}'))).toBe(true);
    expect(matchesAll(labels, parseSelector('http_requests_total{route=~"check"}'))).toBe(false);
    expect(matchesAll(labels, parseSelector('http_requests_total{status=""}'))).toBe(true);
    expect(matchesAll(labels, parseSelector('http_requests_total{status!=""}'))).toBe(false);
  });
});
