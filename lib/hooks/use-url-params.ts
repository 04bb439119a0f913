"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

/** The page's search parameters, and a way to change some of them (empty removes one): views
 *  keep their state in the URL so it can be shared and reloaded. Each change is a history step. */
export function useUrlParams() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const set = (change: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(change)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    router.push(`${pathname}?${next}`);
  };
  return [params, set] as const;
}
