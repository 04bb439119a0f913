import type { Metadata } from "next";
import { ChannelsPanel } from "@/components/mail/channels-panel";
import { OutboxPanel } from "@/components/mail/outbox-panel";
import { PageHead } from "@/components/layout/page-head";
import { NoAccess } from "@/components/ui/no-access";
import { pageClient } from "@/lib/clients/page-client";

export const metadata: Metadata = { title: "Mail" };

export default async function MailPage({ params }: { params: Promise<{ client: string }> }) {
  const { client: slug } = await params;
  const page = await pageClient(slug, "manager");
  if (!page.tenant) return <NoAccess message={page.denied} />;
  const { client } = page;
  return (
    <>
      <PageHead
        title="Mail"
        subtitle={<>{client.name} · every notification, sent or waiting · refreshes every 5 s</>}
      />
      <OutboxPanel slug={slug} />
      <ChannelsPanel slug={slug} />
    </>
  );
}
