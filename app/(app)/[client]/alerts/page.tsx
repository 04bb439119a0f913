import type { Metadata } from "next";
import { PoliciesPanel } from "@/components/alerts/policies-panel";
import { RulesPanel } from "@/components/alerts/rules-panel";
import { NoAccess } from "@/components/ui/no-access";
import { pageTenant } from "@/lib/auth/page-access";
import { getClient } from "@/lib/clients/clients";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const access = await pageTenant(slug, "viewer");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  const client = await getClient(access.tenant);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Alerts</h1>
          <span className="muted">
            {client.name} · rules evaluated every few seconds · emails to admins and managers
          </span>
        </div>
      </div>
      <RulesPanel slug={slug} canEdit={access.tenant.role === "admin"} />
      <PoliciesPanel slug={slug} canEdit={access.tenant.role === "admin"} />
    </>
  );
}
