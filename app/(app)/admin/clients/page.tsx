import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ClientsTable } from "@/components/clients/clients-table";
import { CreateClientForm } from "@/components/clients/client-form";
import { NoAccess } from "@/components/ui/no-access";
import { pageUser } from "@/lib/auth/page-access";
import { listClientsForUser } from "@/lib/clients/clients";
import { makeQueryClient } from "@/lib/hooks/query-client";
import { queryKeys } from "@/lib/hooks/query-keys";

export const metadata: Metadata = { title: "Clients" };

export default async function AdminClientsPage() {
  const user = await pageUser();
  if (!user.isSuperAdmin) return <NoAccess message="Only super admins manage clients" />;
  const qc = makeQueryClient();
  await qc.prefetchQuery({ queryKey: queryKeys.clients(), queryFn: () => listClientsForUser(user) });
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <div className="page-head">
        <div>
          <h1>Clients</h1>
          <span className="muted">Every client is a separate tenant: its data, members and keys are its own.</span>
        </div>
      </div>
      <div className="card">
        <h2>New client</h2>
        <CreateClientForm />
      </div>
      <div className="card">
        <ClientsTable />
      </div>
    </HydrationBoundary>
  );
}
