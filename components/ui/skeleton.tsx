/** A placeholder of fixed height, so the layout does not jump when data arrives. */
export function Skeleton({ height, width = "100%" }: { height: number; width?: number | string }) {
  return <div className="skeleton" style={{ height, width }} aria-hidden="true" />;
}
