import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { DashboardView } from "@/components/dashboards/dashboard-view";
import { NoAccess } from "@/components/ui/no-access";
import { pageTenant } from "@/lib/auth/page-access";
import { roleAtLeast } from "@/lib/auth/roles";
import { getDashboard } from "@/lib/dashboards/dashboards";
import { makeQueryClient } from "@/lib/hooks/query-client";
import { exploreWindow, queryKeys } from "@/lib/hooks/query-keys";
import { panelData } from "@/lib/dashboards/panel-data";

export const metadata: Metadata = { title: "Dashboard" };

type Search = Record<string, string | string[] | undefined>;
const toParams = (search: Search) =>
  new URLSearchParams(
    Object.entries(search).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v ? [[k, v]] : [])),
  );

export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ client: string; id: string }>;
  searchParams: Promise<Search>;
}) {
  const { client: slug, id } = await params;
  const access = await pageTenant(slug, "viewer");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  const dashboard = await getDashboard(access.tenant, id).catch(() => null);
  if (!dashboard) return <NoAccess message="No such dashboard here: it may have been deleted." />;
  // The definition and every panel's data arrive with the page (the same keys the client
  // hooks use), so panels draw as soon as it hydrates; a query that fails here is retried there.
  const qc = makeQueryClient();
  qc.setQueryData(queryKeys.dashboard(slug, id), dashboard);
  for (const d of await panelData(access.tenant, dashboard.definition, toParams(await searchParams)))
    qc.setQueryData(queryKeys.explore(slug, d.query, exploreWindow(d.range, d.fixed)), d.result);
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
