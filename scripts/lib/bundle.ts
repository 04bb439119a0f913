// Bundles a script into plain JavaScript, as Next.js ships server code, for benchmarks that
// time code in a process of its own. Run through tsx instead, every closure is wrapped to
// keep its name, which slows hot loops (one closure per row) several-fold: a cost the
// product never pays.
import path from "node:path";
import { build } from "esbuild";

/** The bundle's path (under node_modules/.cache, so its packages resolve from the project). */
export async function bundleScript(entry: string): Promise<string> {
  const outfile = path.resolve("node_modules/.cache/telltale", path.basename(entry).replace(/\.ts$/, ".mjs"));
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile,
    logLevel: "error",
  });
  return outfile;
}
