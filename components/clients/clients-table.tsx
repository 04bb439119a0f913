"use client";
import Link from "next/link";
import { QueryView } from "@/components/ui/query-view";
import { useClientsQuery } from "@/lib/hooks/use-clients";

export function ClientsTable() {
  return (
    <QueryView query={useClientsQuery()} empty="No clients yet. Create the first one above.">
      {(data) => (
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Slug</th>
              <th>Time zone</th>
              <th>Created</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/${c.slug}`}>{c.name}</Link>
                </td>
                <td>
                  <code>{c.slug}</code>
                </td>
                <td>{c.timeZone}</td>
                <td>{new Date(c.createdAt).toLocaleDateString()}</td>
                <td>
                  <Link href={`/${c.slug}/settings`}>Edit</Link> ·{" "}
                  <Link href={`/${c.slug}/settings/members`}>Members</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </QueryView>
  );
}
