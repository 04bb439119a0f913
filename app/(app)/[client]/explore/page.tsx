import type { Metadata } from "next";
import { Suspense } from "react";
import { ExploreView } from "@/components/explore/explore-view";
import { NoAccess } from "@/components/ui/no-access";
import { Skeleton } from "@/components/ui/skeleton";
import { pageTenant } from "@/lib/auth/page-access";
import { getClient } from "@/lib/clients/clients";

export const metadata: Metadata = { title: "Explore" };

export default async function ExplorePage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const access = await pageTenant(slug, "viewer");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  const client = await getClient(access.tenant);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Explore</h1>
          <span className="muted">
            {client.name} · ad-hoc PromQL over your data · times in your browser&apos;s zone
          </span>
        </div>
      </div>
      {/* The view reads the query from the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense fallback={<Skeleton height={400} />}>
        <ExploreView slug={slug} />
      </Suspense>
    </>
  );
}
