import type { Metadata } from "next";
import { IncidentsPanel } from "@/components/alerts/incidents-panel";
import { SilencesPanel } from "@/components/alerts/silences-panel";
import { NoAccess } from "@/components/ui/no-access";
import { pageTenant } from "@/lib/auth/page-access";
import { roleAtLeast } from "@/lib/auth/roles";
import { getClient } from "@/lib/clients/clients";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const access = await pageTenant(slug, "viewer");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  const client = await getClient(access.tenant);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Incidents</h1>
          <span className="muted">{client.name} · one per rule and series · refreshes every 5 s</span>
        </div>
      </div>
      <IncidentsPanel slug={slug} />
      <SilencesPanel slug={slug} canManage={roleAtLeast(access.tenant.role, "manager")} timeZone={client.timeZone} />
    </>
  );
}
