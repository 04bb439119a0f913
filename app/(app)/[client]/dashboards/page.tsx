import type { Metadata } from "next";
import { DashboardsList } from "@/components/dashboards/dashboards-list";
import { NoAccess } from "@/components/ui/no-access";
import { pageTenant } from "@/lib/auth/page-access";
import { roleAtLeast } from "@/lib/auth/roles";
import { getClient } from "@/lib/clients/clients";

export const metadata: Metadata = { title: "Dashboards" };

export default async function DashboardsPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const access = await pageTenant(slug, "viewer");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  const client = await getClient(access.tenant);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Dashboards</h1>
          <span className="muted">{client.name} · panels of PromQL, shared by URL</span>
        </div>
      </div>
      <DashboardsList slug={slug} canEdit={roleAtLeast(access.tenant.role, "manager")} />
    </>
  );
}
