import type { Metadata } from "next";
import { Suspense } from "react";
import { PerformanceView } from "@/components/performance/performance-view";
import { PageHead } from "@/components/layout/page-head";
import { NoAccess } from "@/components/ui/no-access";
import { Skeleton } from "@/components/ui/skeleton";
import { pageClient } from "@/lib/clients/page-client";

export const metadata: Metadata = { title: "Performance" };

export default async function PerformancePage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const page = await pageClient(slug, "viewer");
  if (!page.tenant) return <NoAccess message={page.denied} />;
  const { client } = page;
  return (
    <>
      <PageHead
        title="Performance"
        subtitle={<>{client.name} · requests from traces: latency, throughput, errors, Apdex · dashed: a week ago</>}
      />
      {/* The view reads its filters from the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense fallback={<Skeleton height={560} />}>
        <PerformanceView slug={slug} />
      </Suspense>
    </>
  );
}
