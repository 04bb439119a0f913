import { redirect } from "next/navigation";
import { pageUser } from "@/lib/auth/page-access";
import { listClientsForUser } from "@/lib/clients/clients";

export default async function Home() {
  const user = await pageUser();
  const clients = await listClientsForUser(user);
  if (clients[0]) redirect(`/${clients[0].slug}`);
  if (user.isSuperAdmin) redirect("/admin/clients");
  return (
    <div className="card empty">
      <h1>No clients yet</h1>
      <p>You are not a member of any client. Ask an administrator to add you.</p>
    </div>
  );
}
