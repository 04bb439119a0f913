import type { Metadata } from "next";
import { SystemHealthView } from "@/components/health/system-health-view";
import { PageHead } from "@/components/layout/page-head";
import { NoAccess } from "@/components/ui/no-access";
import { pageClient } from "@/lib/clients/page-client";

export const metadata: Metadata = { title: "System health" };

export default async function SystemHealthPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const page = await pageClient(slug, "viewer");
  if (!page.tenant) return <NoAccess message={page.denied} />;
  const { client } = page;
  return (
    <>
      <PageHead
        title="System health"
        subtitle={<>{client.name} · up-style metrics against a 99.9 % target, and Telltale itself</>}
      />
      <SystemHealthView slug={slug} />
    </>
  );
}
