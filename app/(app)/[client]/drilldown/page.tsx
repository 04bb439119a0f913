import type { Metadata } from "next";
import { Suspense } from "react";
import { DrilldownView } from "@/components/drilldown/drilldown-view";
import { NoAccess } from "@/components/ui/no-access";
import { Skeleton } from "@/components/ui/skeleton";
import { pageTenant } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Drill-down" };

export default async function DrilldownPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const access = await pageTenant(slug, "viewer");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Drill-down</h1>
          <span className="muted">Narrow to a series, break down by what changed most, read the raw samples</span>
        </div>
      </div>
      {/* The view reads its step from the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense fallback={<Skeleton height={400} />}>
        <DrilldownView slug={slug} />
      </Suspense>
    </>
  );
}
