import type { ReactNode } from "react";
import { Sidebar } from "@/components/layout/sidebar";
import { pageUser } from "@/lib/auth/page-access";
import { listClientsForUser } from "@/lib/clients/clients";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await pageUser();
  const clients = await listClientsForUser(user);
  return (
    <div className="shell">
      <Sidebar user={{ name: user.name, email: user.email, isSuperAdmin: user.isSuperAdmin }} clients={clients} />
      <main className="content">{children}</main>
    </div>
  );
}
