import type { ReactNode } from "react";

/** A page's heading: its title and a muted line under it (the client, what the page shows). */
export function PageHead({
  title,
  subtitle,
  children,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="page-head">
      <div>
        <h1>{title}</h1>
        {subtitle && <span className="muted">{subtitle}</span>}
      </div>
      {children}
    </div>
  );
}
