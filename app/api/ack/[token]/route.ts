// GET /api/ack/:token — the one-click acknowledgement link in alert emails (signed, no sign-in)
import { verifyAckToken } from "@/lib/alerts/ack-link";
import { acknowledgeIncident } from "@/lib/alerts/incidents";
import { ApiError } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { getPrisma } from "@/lib/db/client";

const page = (title: string, text: string, status = 200) =>
  new Response(
    `<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;line-height:1.5"><h1>${title}</h1><p>${text}</p></body>`,
    { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } },
  );

export const GET = route<{ token: string }>("/api/ack/[token]", async (_req, { params }) => {
  const id = verifyAckToken((await params).token);
  if (!id) return page("Link not valid", "This acknowledgement link is not one Telltale signed.", 404);
  const incident = await getPrisma().incident.findUnique({ where: { id }, include: { rule: true } });
  if (!incident) return page("Incident not found", "It may have been deleted with its rule.", 404);
  try {
    await acknowledgeIncident(incident.clientId, id, "email link");
  } catch (err) {
    if (err instanceof ApiError && err.status === 409)
      return page("Nothing to acknowledge", `“${incident.rule.name}” is ${incident.state} already.`);
    throw err;
  }
  return page("Acknowledged", `“${incident.rule.name}” is acknowledged: escalation stops. You can close this tab.`);
});
