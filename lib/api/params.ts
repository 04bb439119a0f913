import { z } from "zod";
import { notFound } from "./errors";

const uuid = z.uuid();

/** A path id that is not a UUID cannot name anything: answer 404 rather than let it reach SQL. */
export function idParam(value: string, what: string): string {
  if (!uuid.safeParse(value).success) throw notFound(what);
  return value;
}
