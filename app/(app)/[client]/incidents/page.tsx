import type { Metadata } from "next";
import { IncidentsPanel } from "@/components/alerts/incidents-panel";
import { SilencesPanel } from "@/components/alerts/silences-panel";
import { PageHead } from "@/components/layout/page-head";
import { NoAccess } from "@/components/ui/no-access";
import { roleAtLeast } from "@/lib/auth/roles";
import { pageClient } from "@/lib/clients/page-client";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const page = await pageClient(slug, "viewer");
  if (!page.tenant) return <NoAccess message={page.denied} />;
  const { tenant, client } = page;
  return (
    <>
      <PageHead title="Incidents" subtitle={<>{client.name} · one per rule and series · refreshes every 5 s</>} />
      <IncidentsPanel slug={slug} />
      <SilencesPanel slug={slug} canManage={roleAtLeast(tenant.role, "manager")} timeZone={client.timeZone} />
    </>
  );
}
