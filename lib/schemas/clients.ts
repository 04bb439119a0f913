import { z } from "zod";

// Slugs become URL segments beside the app's own routes, so those words are taken.
const RESERVED_SLUGS = ["admin", "api", "login", "logout", "settings", "_next", "static", "public"];

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const slugSchema = z
  .string()
  .trim()
  .min(2, "At least 2 characters")
  .max(48, "At most 48 characters")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lowercase letters, digits and single dashes, e.g. acme-corp")
  .refine((s) => !RESERVED_SLUGS.includes(s), "This name is reserved; choose another");

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, "Choose a time zone")
  .refine(isTimeZone, "Not a known IANA time zone, e.g. Europe/Berlin");

export const createClientSchema = z.object({
  slug: slugSchema,
  name: z.string().trim().min(1, "Give the client a name").max(120, "At most 120 characters"),
  timeZone: timeZoneSchema.default("UTC"),
});
export type CreateClientInput = z.input<typeof createClientSchema>;

export const updateClientSchema = createClientSchema.omit({ slug: true }).partial();
export type UpdateClientInput = z.input<typeof updateClientSchema>;

export type ClientDto = { id: string; slug: string; name: string; timeZone: string; createdAt: string; role: string };
