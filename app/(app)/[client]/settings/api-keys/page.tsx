import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ApiKeysPanel } from "@/components/api-keys/api-keys-panel";
import { NoAccess } from "@/components/ui/no-access";
import { listApiKeys } from "@/lib/api-keys/api-keys";
import { pageTenant } from "@/lib/auth/page-access";
import { makeQueryClient } from "@/lib/hooks/query-client";
import { queryKeys } from "@/lib/hooks/query-keys";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const access = await pageTenant(slug, "admin");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  const qc = makeQueryClient();
  await qc.prefetchQuery({ queryKey: queryKeys.apiKeys(slug), queryFn: () => listApiKeys(access.tenant) });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <div className="page-head">
        <div>
          <h1>API keys</h1>
          <span className="muted">
            Send as <code>Authorization: Bearer &lt;key&gt;</code>. Keys are stored only as hashes.
          </span>
        </div>
      </div>
      <ApiKeysPanel slug={slug} />
    </HydrationBoundary>
  );
}
