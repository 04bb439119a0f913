// GET /api/v1/clients — the clients the signed-in user can open
// POST /api/v1/clients — create a client (super admins)
import { route } from "@/lib/api/route";
import { json, readJson } from "@/lib/api/respond";
import { requireSuperAdmin, requireUser } from "@/lib/auth/session";
import { createClient, listClientsForUser } from "@/lib/clients/clients";
import { createClientSchema } from "@/lib/schemas/clients";

export const GET = route("/api/v1/clients", async () => json(await listClientsForUser(await requireUser())));

export const POST = route("/api/v1/clients", async (req) => {
  const user = await requireSuperAdmin();
  return json(await createClient(user.id, await readJson(req, createClientSchema)), 201);
});
