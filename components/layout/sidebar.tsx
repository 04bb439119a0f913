"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import type { ClientDto } from "@/lib/schemas/clients";

type Props = { user: { name: string; email: string; isSuperAdmin: boolean }; clients: ClientDto[] };

export function Sidebar({ user, clients }: Props) {
  const path = usePathname();
  const slug = path.split("/")[1];
  const current = clients.find((c) => c.slug === slug);
  const link = (href: string, label: string) => (
    <Link href={href} aria-current={path === href ? "page" : undefined}>
      {label}
    </Link>
  );
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">Telltale</div>
      <div className="section">Clients</div>
      {clients.length === 0 && (
        <span className="muted" style={{ padding: "0 10px" }}>
          None yet
        </span>
      )}
      {clients.map((c) => (
        <Link key={c.slug} href={`/${c.slug}`} aria-current={c.slug === slug ? "page" : undefined}>
          {c.name}
        </Link>
      ))}
      {current && (
        <>
          <div className="section">{current.name}</div>
          {link(`/${current.slug}`, "Overview")}
          {link(`/${current.slug}/dashboards`, "Dashboards")}
          {link(`/${current.slug}/performance`, "Performance")}
          {link(`/${current.slug}/business`, "Business")}
          {link(`/${current.slug}/health`, "Health")}
          {link(`/${current.slug}/explore`, "Explore")}
          {link(`/${current.slug}/alerts`, "Alerts")}
          {link(`/${current.slug}/incidents`, "Incidents")}
          {current.role !== "viewer" && link(`/${current.slug}/mail`, "Mail")}
        </>
      )}
      {current && current.role === "admin" && (
        <>
          {link(`/${current.slug}/settings`, "Settings")}
          {link(`/${current.slug}/settings/members`, "Members")}
          {link(`/${current.slug}/settings/api-keys`, "API keys")}
          {link(`/${current.slug}/settings/ingest`, "Ingest & sampling")}
        </>
      )}
      {user.isSuperAdmin && (
        <>
          <div className="section">Install</div>
          {link("/admin/clients", "All clients")}
        </>
      )}
      <div className="footer">
        <div title={user.email}>{user.name}</div>
        <button type="button" onClick={() => signOut({ callbackUrl: "/login" })} style={{ marginTop: 6 }}>
          Sign out
        </button>
      </div>
    </nav>
  );
}
