// Serves route handlers over real HTTP (node:http) for senders that need a URL — a real
// Prometheus, the OpenTelemetry SDK exporters — without a Next.js build.
import http from "node:http";
import type { AddressInfo } from "node:net";

type Handler = (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;

export async function serveRoutes(
  routes: Record<string, Handler>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const c of incoming) chunks.push(c as Buffer);
    const handler = routes[`${incoming.method} ${incoming.url?.split("?")[0]}`];
    if (!handler) {
      outgoing.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(incoming.headers)) if (typeof v === "string") headers.set(k, v);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const res = await handler(
      new Request(`http://localhost${incoming.url}`, { method: incoming.method, headers, body }),
      {
        params: Promise.resolve({}),
      },
    );
    outgoing.writeHead(res.status, Object.fromEntries(res.headers.entries()));
    outgoing.end(Buffer.from(await res.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
