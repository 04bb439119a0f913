import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { IngestPolicyPanel } from "@/components/ingest/ingest-policy-form";
import { NoAccess } from "@/components/ui/no-access";
import { pageTenant } from "@/lib/auth/page-access";
import { makeQueryClient } from "@/lib/hooks/query-client";
import { queryKeys } from "@/lib/hooks/query-keys";
import { getIngestPolicy } from "@/lib/ingest/policy";

export const metadata: Metadata = { title: "Ingest & sampling" };

export default async function IngestPolicyPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const access = await pageTenant(slug, "admin");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  const qc = makeQueryClient();
  await qc.prefetchQuery({ queryKey: queryKeys.ingestPolicy(slug), queryFn: () => getIngestPolicy(access.tenant) });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <div className="page-head">
        <div>
          <h1>Ingest &amp; sampling</h1>
          <span className="muted">
            Protect this client from runaway cardinality and keep high-volume data affordable.
          </span>
        </div>
      </div>
      <div className="card">
        <IngestPolicyPanel slug={slug} />
      </div>
    </HydrationBoundary>
  );
}
