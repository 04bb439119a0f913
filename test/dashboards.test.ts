// Dashboards on a real PostgreSQL: create, save, duplicate, export and import the same
// document, validation that names the bad field, and another client seeing nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { TenantContext } from "@/lib/auth/tenant";
import {
  createDashboard,
  deleteDashboard,
  duplicateDashboard,
  exportDashboard,
  getDashboard,
  importDashboard,
  listDashboards,
  updateDashboard,
} from "@/lib/dashboards/dashboards";
import { getPrisma } from "@/lib/db/client";
import { dashboardExportSchema } from "@/lib/schemas/dashboards";
import { useTestDatabase } from "./db";
import { makeClient } from "./fixtures";

const panel = (id: string, x = 0) => ({
  id,
  title: `Requests ${id}`,
  type: "timeseries" as const,
  query: 'sum by (route) (rate(http_requests_total{service=~"$service"}[5m]))',
  layout: { x, y: 0, w: 6, h: 6 },
});

describe("dashboards", () => {
  useTestDatabase();
  let tenant: TenantContext;
  let other: TenantContext;
  let id: string;

  beforeAll(async () => {
    tenant = await makeClient("boards");
    other = await makeClient("boards-other");
  });

  it("creates a dashboard with defaults filled in, and audits it", async () => {
    const d = await createDashboard(
      tenant,
      {
        title: "Checkout",
        definition: {
          panels: [panel("a")],
          variables: [{ name: "service", label: "service", match: "http_requests_total" }],
        },
      },
      "Ann",
    );
    id = d.id;
    expect(d.definition).toMatchObject({ range: "6h", refresh: "off" });
    expect(d.definition.panels[0]).toMatchObject({
      legend: "",
      options: { unit: "none", style: "line", thresholds: [] },
    });
    expect(d.definition.variables[0]).toMatchObject({ multi: false, includeAll: true });
    expect(await getPrisma().auditLog.count({ where: { action: "dashboard.create" } })).toBe(1);
  });

  it("saves panels and refuses documents that would not draw", async () => {
    const saved = await updateDashboard(tenant, id, {
      title: "Checkout",
      definition: { panels: [panel("a"), panel("b", 6)], variables: [] },
    });
    expect(saved.definition.panels.map((p) => p.id)).toEqual(["a", "b"]);
    await expect(
      updateDashboard(tenant, id, { title: "Checkout", definition: { panels: [panel("a"), panel("a", 6)] } }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["definition", "panels", 1, "id"] })] });
    await expect(
      updateDashboard(tenant, id, {
        title: "Checkout",
        definition: { panels: [{ ...panel("c"), layout: { x: 8, y: 0, w: 6, h: 6 } }] },
      }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ message: "The panel runs off the grid's 12 columns" })],
    });
  });

  it("duplicates under a free name", async () => {
    const first = await duplicateDashboard(tenant, id, "Ann");
    const second = await duplicateDashboard(tenant, id, "Ann");
    expect([first.title, second.title]).toEqual(["Checkout (copy)", "Checkout (copy 2)"]);
    expect(second.definition).toEqual((await getDashboard(tenant, id)).definition);
  });

  it("exports a document that imports as the same dashboard", async () => {
    const doc = await exportDashboard(tenant, id);
    expect(dashboardExportSchema.parse(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
    expect(JSON.stringify(doc)).not.toContain(tenant.clientId);
    const imported = await importDashboard(other, JSON.parse(JSON.stringify(doc)), "Bob");
    expect(imported.definition).toEqual(doc.definition);
    expect(imported.title).toBe("Checkout");
    // Into the client it came from: the taken title is kept apart, not refused.
    const again = await importDashboard(tenant, doc, "Ann");
    expect(again.title).toBe("Checkout (imported)");
    await deleteDashboard(tenant, again.id);
    await expect(importDashboard(tenant, { title: "no marker" }, "Ann")).rejects.toThrow();
  });

  it("keeps clients apart", async () => {
    expect((await listDashboards(other)).map((d) => d.title)).toEqual(["Checkout"]);
    expect((await listDashboards(tenant)).map((d) => d.title).sort()).toEqual([
      "Checkout",
      "Checkout (copy 2)",
      "Checkout (copy)",
    ]);
    await expect(getDashboard(other, id)).rejects.toMatchObject({ status: 404 });
    await expect(updateDashboard(other, id, { title: "x" })).rejects.toMatchObject({ status: 404 });
    await expect(deleteDashboard(other, id)).rejects.toMatchObject({ status: 404 });
    await expect(createDashboard(tenant, { title: "Checkout" }, "Ann")).rejects.toMatchObject({ status: 409 });
    await deleteDashboard(tenant, id);
    await expect(getDashboard(tenant, id)).rejects.toMatchObject({ status: 404 });
  });
});
