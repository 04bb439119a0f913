"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Skeleton } from "./skeleton";

/** The loading, error and empty states every list shares; children render the data. */
export function QueryView<T extends unknown[]>({
  query,
  empty,
  height = 120,
  children,
}: {
  query: UseQueryResult<T>;
  empty: ReactNode;
  height?: number;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Skeleton height={height} />;
  if (query.error) {
    return (
      <div className="alert error" role="alert">
        {query.error.message}
      </div>
    );
  }
  if (query.data.length === 0) return <div className="empty">{empty}</div>;
  return <>{children(query.data)}</>;
}
