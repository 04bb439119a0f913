import type { Metadata } from "next";
import { ChannelsPanel } from "@/components/mail/channels-panel";
import { OutboxPanel } from "@/components/mail/outbox-panel";
import { NoAccess } from "@/components/ui/no-access";
import { pageTenant } from "@/lib/auth/page-access";
import { getClient } from "@/lib/clients/clients";

export const metadata: Metadata = { title: "Mail" };

export default async function MailPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const access = await pageTenant(slug, "manager");
  if (!access.tenant) return <NoAccess message={access.denied} />;
  const client = await getClient(access.tenant);
  return (
    <>
      <div className="page-head">
        <div>
          <h1>Mail</h1>
          <span className="muted">{client.name} · every notification, sent or waiting · refreshes every 5 s</span>
        </div>
      </div>
      <OutboxPanel slug={slug} />
      <ChannelsPanel slug={slug} />
    </>
  );
}
