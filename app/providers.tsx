"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SessionProvider } from "next-auth/react";
import { useState, type ReactNode } from "react";
import { makeQueryClient } from "@/lib/hooks/query-client";

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState<QueryClient>(makeQueryClient);
  return (
    <SessionProvider>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </SessionProvider>
  );
}
