import { z } from "zod";
import { SEVERITIES } from "./alert-rules";

export const escalationStepSchema = z
  .object({
    delaySeconds: z.number().int().min(0).max(86_400),
    roles: z.array(z.enum(["admin", "manager", "viewer"])).default([]),
    emails: z
      .array(z.email({ message: "An email address" }))
      .max(50)
      .default([]),
  })
  .refine((s) => s.roles.length + s.emails.length > 0, { message: "Each step needs a role or an address to tell" });

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
