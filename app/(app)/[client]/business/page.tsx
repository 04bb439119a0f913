import type { Metadata } from "next";
import { Suspense } from "react";
import { BusinessView } from "@/components/business/business-view";
import { PageHead } from "@/components/layout/page-head";
import { NoAccess } from "@/components/ui/no-access";
import { Skeleton } from "@/components/ui/skeleton";
import { pageClient } from "@/lib/clients/page-client";

export const metadata: Metadata = { title: "Business" };

export default async function BusinessPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const page = await pageClient(slug, "viewer");
  if (!page.tenant) return <NoAccess message={page.denied} />;
  const { client } = page;
  return (
    <>
      <PageHead
        title="Business"
        subtitle={<>{client.name} · business events by name: volumes, values, top properties</>}
      />
      {/* The view reads its filters from the URL (useSearchParams), which needs a Suspense boundary. */}
      <Suspense fallback={<Skeleton height={520} />}>
        <BusinessView slug={slug} />
      </Suspense>
    </>
  );
}
