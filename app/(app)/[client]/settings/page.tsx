import type { Metadata } from "next";
import { EditClientForm } from "@/components/clients/client-form";
import { NoAccess } from "@/components/ui/no-access";
import { pageTenant } from "@/lib/auth/page-access";
import { getClient } from "@/lib/clients/clients";

export const metadata: Metadata = { title: "Settings" };

export default async function ClientSettingsPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const access = await pageTenant(slug, "admin");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  const client = await getClient(access.tenant);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Settings</h1>
          <span className="muted">{client.name}</span>
        </div>
      </div>
      <div className="card">
        <h2>General</h2>
        <EditClientForm slug={slug} initial={{ name: client.name, timeZone: client.timeZone }} />
      </div>
    </>
  );
}
