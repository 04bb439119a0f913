import type { Metadata } from "next";
import { SystemHealthView } from "@/components/health/system-health-view";
import { NoAccess } from "@/components/ui/no-access";
import { pageTenant } from "@/lib/auth/page-access";
import { getClient } from "@/lib/clients/clients";

export const metadata: Metadata = { title: "System health" };

export default async function SystemHealthPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const access = await pageTenant(slug, "viewer");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  const client = await getClient(access.tenant);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>System health</h1>
          <span className="muted">{client.name} · up-style metrics against a 99.9 % target, and Telltale itself</span>
        </div>
      </div>
      <SystemHealthView slug={slug} />
    </>
  );
}
