import { z } from "zod";

export const createUserSchema = z.object({
  email: z.email("Enter an email address").trim().toLowerCase(),
  name: z.string().trim().min(1).max(120),
  password: z.string().min(10, "At least 10 characters").max(200),
  isSuperAdmin: z.boolean().default(false),
});
export type CreateUserInput = z.input<typeof createUserSchema>;
