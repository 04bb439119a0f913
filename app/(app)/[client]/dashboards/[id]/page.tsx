import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { DashboardView } from "@/components/dashboards/dashboard-view";
import { NoAccess } from "@/components/ui/no-access";
import { pageTenant } from "@/lib/auth/page-access";
import { roleAtLeast } from "@/lib/auth/roles";
import { getDashboard } from "@/lib/dashboards/dashboards";
import { makeQueryClient } from "@/lib/hooks/query-client";
import { queryKeys } from "@/lib/hooks/query-keys";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ params }: { params: Promise<{ client: string; id: string }> }) {
  const { client: slug, id } = await params;
  const access = await pageTenant(slug, "viewer");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  const dashboard = await getDashboard(access.tenant, id).catch(() => null);
  if (!dashboard) return <NoAccess message="No such dashboard here: it may have been deleted." />;
  // The definition arrives with the page, so the panels' queries start as soon as it hydrates.
  const qc = makeQueryClient();
  qc.setQueryData(queryKeys.dashboard(slug, id), dashboard);
  return (
    <>
      <div className="page-head">
        <div>
          <div className="muted">
            <Link href={`/${slug}/dashboards`}>Dashboards</Link> ›
          </div>
          <h1>{dashboard.title}</h1>
          {dashboard.description && <span className="muted">{dashboard.description}</span>}
        </div>
      </div>
      <HydrationBoundary state={dehydrate(qc)}>
        <DashboardView slug={slug} id={id} canEdit={roleAtLeast(access.tenant.role, "manager")} />
      </HydrationBoundary>
    </>
  );
}
