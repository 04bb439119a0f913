import type { Metadata } from "next";
import { Suspense } from "react";
import { ExploreView } from "@/components/explore/explore-view";
import { PageHead } from "@/components/layout/page-head";
import { NoAccess } from "@/components/ui/no-access";
import { Skeleton } from "@/components/ui/skeleton";
import { pageClient } from "@/lib/clients/page-client";

export const metadata: Metadata = { title: "Explore" };

export default async function ExplorePage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const page = await pageClient(slug, "viewer");
  if (!page.tenant) return <NoAccess message={page.denied} />;
  const { client } = page;
  return (
    <>
      <PageHead
        title="Explore"
        subtitle={<>{client.name} · ad-hoc PromQL over your data · times in your browser&apos;s zone</>}
      />
      {/* The view reads the query from the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense fallback={<Skeleton height={400} />}>
        <ExploreView slug={slug} />
      </Suspense>
    </>
  );
}
