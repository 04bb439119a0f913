import type { Metadata } from "next";
import Link from "next/link";
import { IncidentView } from "@/components/alerts/incident-view";
import { NoAccess } from "@/components/ui/no-access";
import { pageTenant } from "@/lib/auth/page-access";
import { roleAtLeast } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Incident" };

export default async function IncidentPage({ params }: { params: Promise<{ client: string; id: string }> }) {
  const { client: slug, id } = await params;
  const access = await pageTenant(slug, "viewer");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  return (
    <>
      <div className="page-head">
        <div>
          <span className="muted">
            <Link href={`/${slug}/incidents`}>Incidents</Link> ›
          </span>
          <h1>Incident</h1>
        </div>
      </div>
      <IncidentView slug={slug} id={id} canManage={roleAtLeast(access.tenant.role, "manager")} />
    </>
  );
}
