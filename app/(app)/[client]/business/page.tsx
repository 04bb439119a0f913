import type { Metadata } from "next";
import { Suspense } from "react";
import { BusinessView } from "@/components/business/business-view";
import { NoAccess } from "@/components/ui/no-access";
import { Skeleton } from "@/components/ui/skeleton";
import { pageTenant } from "@/lib/auth/page-access";
import { getClient } from "@/lib/clients/clients";

export const metadata: Metadata = { title: "Business" };

export default async function BusinessPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const access = await pageTenant(slug, "viewer");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  const client = await getClient(access.tenant);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Business</h1>
          <span className="muted">{client.name} · business events by name: volumes, values, top properties</span>
        </div>
      </div>
      {/* The view reads its filters from the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense fallback={<Skeleton height={520} />}>
        <BusinessView slug={slug} />
      </Suspense>
    </>
  );
}
