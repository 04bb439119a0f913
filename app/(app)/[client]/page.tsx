import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { OverviewPanel } from "@/components/overview/overview-panel";
import { NoAccess } from "@/components/ui/no-access";
import { pageTenant } from "@/lib/auth/page-access";
import { getClient } from "@/lib/clients/clients";
import { makeQueryClient } from "@/lib/hooks/query-client";
import { queryKeys } from "@/lib/hooks/query-keys";
import { getOverview } from "@/lib/overview/get-overview";

export const metadata: Metadata = { title: "Overview" };

export default async function ClientOverviewPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const access = await pageTenant(slug, "viewer");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  const client = await getClient(access.tenant);
  const qc = makeQueryClient();
  await qc.prefetchQuery({ queryKey: queryKeys.overview(slug), queryFn: () => getOverview(access.tenant) });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{client.name}</h1>
          <span className="muted">Overview · times in your browser&apos;s zone · client zone {client.timeZone}</span>
        </div>
        <span className="badge accent">{client.role}</span>
      </div>
      <HydrationBoundary state={dehydrate(qc)}>
        <OverviewPanel slug={slug} />
      </HydrationBoundary>
    </>
  );
}
