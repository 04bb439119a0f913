import { z } from "zod";
import { SEVERITIES } from "./alert-rules";

/** Non-email targets: a signed JSON webhook, a Slack-compatible incoming webhook, an Alertmanager. */
export const WEBHOOK_KINDS = ["webhook", "slack", "alertmanager"] as const;

export const escalationStepSchema = z
  .object({
    delaySeconds: z.number().int().min(0).max(86_400),
    roles: z.array(z.enum(["admin", "manager", "viewer"])).default([]),
    /** Members by name (their account's email; checked against the client's members on save). */
    members: z
      .array(z.email({ message: "A member's email" }).toLowerCase())
      .max(50)
      .default([]),
    emails: z
      .array(z.email({ message: "An email address" }))
      .max(50)
      .default([]),
    webhooks: z
      .array(
        z.object({
          kind: z.enum(WEBHOOK_KINDS),
          url: z.url({ protocol: /^https?$/, message: "An http(s) URL" }),
          secret: z.string().min(16, "At least 16 characters").max(200).optional(),
        }),
      )
      .max(10)
      .default([]),
  })
  .refine((s) => s.roles.length + s.members.length + s.emails.length + s.webhooks.length > 0, {
    message: "Each step needs a role, a member, an address or a webhook to tell",
  });

export const escalationPolicySchema = z.object({
  name: z.string().trim().min(1, "Name the policy").max(200),
  severities: z.array(z.enum(SEVERITIES)).min(1, "Pick the severities it handles"),
  steps: z.array(escalationStepSchema).min(1, "Add a step").max(10),
  repeat: z.number().int().min(0).max(10).default(0),
  repeatDelaySeconds: z.number().int().min(60).max(86_400).default(600),
});
export type EscalationStep = z.output<typeof escalationStepSchema>;
export type EscalationPolicyInput = z.input<typeof escalationPolicySchema>;
export type EscalationPolicyDto = z.output<typeof escalationPolicySchema> & { id: string };

/** A step's targets in words: "managers, cto@acme.test, slack hooks.example.test". */
export const describeTargets = (s: EscalationStep) =>
  [
    ...s.roles.map((r) => `${r}s`),
    ...(s.members ?? []),
    ...s.emails,
    ...s.webhooks.map((w) => `${w.kind} ${new URL(w.url).host}${w.secret ? " (signed)" : ""}`),
  ].join(", ");
