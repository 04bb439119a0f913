import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

export const roleSchema = z.enum(ROLES, { message: "Choose admin, manager or viewer" });

// Adding someone who has no account yet creates it, so then a name and a first password are needed.
export const addMemberSchema = z.object({
  email: z.email("Enter an email address").trim().toLowerCase(),
  role: roleSchema,
  name: z.string().trim().max(120).optional(),
  password: z
    .string()
    .min(10, "At least 10 characters")
    .max(200)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type AddMemberInput = z.input<typeof addMemberSchema>;

export const changeRoleSchema = z.object({ role: roleSchema });

export type MemberDto = { id: string; userId: string; email: string; name: string; role: string; createdAt: string };
