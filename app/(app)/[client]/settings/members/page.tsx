import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { MembersPanel } from "@/components/members/members-panel";
import { NoAccess } from "@/components/ui/no-access";
import { pageTenant } from "@/lib/auth/page-access";
import { makeQueryClient } from "@/lib/hooks/query-client";
import { queryKeys } from "@/lib/hooks/query-keys";
import { listMembers } from "@/lib/members/members";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const access = await pageTenant(slug, "admin");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  const qc = makeQueryClient();
  await qc.prefetchQuery({ queryKey: queryKeys.members(slug), queryFn: () => listMembers(access.tenant) });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <div className="page-head">
        <div>
          <h1>Members</h1>
          <span className="muted">Admins configure, managers handle reports and alerts, viewers read.</span>
        </div>
      </div>
      <MembersPanel slug={slug} />
    </HydrationBoundary>
  );
}
