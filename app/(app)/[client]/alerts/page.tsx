import type { Metadata } from "next";
import { PoliciesPanel } from "@/components/alerts/policies-panel";
import { RulesPanel } from "@/components/alerts/rules-panel";
import { PageHead } from "@/components/layout/page-head";
import { NoAccess } from "@/components/ui/no-access";
import { pageClient } from "@/lib/clients/page-client";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const page = await pageClient(slug, "viewer");
  if (!page.tenant) return <NoAccess message={page.denied} />;
  const { tenant, client } = page;
  return (
    <>
      <PageHead
        title="Alerts"
        subtitle={<>{client.name} · rules evaluated every few seconds · emails to admins and managers</>}
      />
      <RulesPanel slug={slug} canEdit={tenant.role === "admin"} />
      <PoliciesPanel slug={slug} canEdit={tenant.role === "admin"} />
    </>
  );
}
