import type { Metadata } from "next";
import { DashboardsList } from "@/components/dashboards/dashboards-list";
import { PageHead } from "@/components/layout/page-head";
import { NoAccess } from "@/components/ui/no-access";
import { roleAtLeast } from "@/lib/auth/roles";
import { pageClient } from "@/lib/clients/page-client";

export const metadata: Metadata = { title: "Dashboards" };

export default async function DashboardsPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const page = await pageClient(slug, "viewer");
  if (!page.tenant) return <NoAccess message={page.denied} />;
  const { tenant, client } = page;
  return (
    <>
      <PageHead title="Dashboards" subtitle={<>{client.name} · panels of PromQL, shared by URL</>} />
      <DashboardsList slug={slug} canEdit={roleAtLeast(tenant.role, "manager")} />
    </>
  );
}
