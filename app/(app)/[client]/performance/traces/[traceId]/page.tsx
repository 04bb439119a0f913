import type { Metadata } from "next";
import Link from "next/link";
import { TraceWaterfall } from "@/components/performance/trace-waterfall";
import { NoAccess } from "@/components/ui/no-access";
import { pageTenant } from "@/lib/auth/page-access";

export const metadata: Metadata = { title: "Trace" };

export default async function TracePage({ params }: { params: Promise<{ client: string; traceId: string }> }) {
  const { client: slug, traceId } = await params;
  const access = await pageTenant(slug, "viewer");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  return (
    <>
      <div className="page-head">
        <div>
          <nav aria-label="Breadcrumbs" className="breadcrumbs">
            <Link href={`/${slug}/performance`}>Performance</Link> › trace
          </nav>
          <h1>
            Trace <code>{decodeURIComponent(traceId)}</code>
          </h1>
        </div>
      </div>
      <TraceWaterfall slug={slug} traceId={decodeURIComponent(traceId)} />
    </>
  );
}
