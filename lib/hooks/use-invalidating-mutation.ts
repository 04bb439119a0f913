"use client";
import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";

/** A mutation that refreshes `key` once it succeeds. */
export function useInvalidatingMutation<V, R>(key: QueryKey, mutationFn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}
