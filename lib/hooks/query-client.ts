import { QueryClient } from "@tanstack/react-query";

// Shared defaults for the browser's client and the per-request server clients that prefetch.
export const makeQueryClient = () =>
  new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } } });
