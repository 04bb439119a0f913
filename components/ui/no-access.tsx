import Link from "next/link";

export function NoAccess({ message }: { message: string }) {
  return (
    <div className="card empty" role="alert">
      <h1>No access</h1>
      <p>{message}. Ask one of the client&apos;s admins if you need it.</p>
      <Link href="/">Back to your clients</Link>
    </div>
  );
}
