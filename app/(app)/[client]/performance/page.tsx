import type { Metadata } from "next";
import { Suspense } from "react";
import { PerformanceView } from "@/components/performance/performance-view";
import { NoAccess } from "@/components/ui/no-access";
import { Skeleton } from "@/components/ui/skeleton";
import { pageTenant } from "@/lib/auth/page-access";
import { getClient } from "@/lib/clients/clients";

export const metadata: Metadata = { title: "Performance" };

export default async function PerformancePage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const access = await pageTenant(slug, "viewer");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  const client = await getClient(access.tenant);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Performance</h1>
          <span className="muted">
            {client.name} · requests from traces: latency, throughput, errors, Apdex · dashed: a week ago
          </span>
        </div>
      </div>
      {/* The view reads its filters from the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense fallback={<Skeleton height={560} />}>
        <PerformanceView slug={slug} />
      </Suspense>
    </>
  );
}
