import { fileURLToPath } from "node:url";

/** Headers every response carries; pages also get a per-request CSP with a nonce from proxy.ts. */
const securityHeaders = [
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];

/** Responses proxy.ts does not see (API JSON, build assets) still refuse framing and active content. */
const lockedDownCsp = { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" };

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets the test build (with known fake secrets) sit beside a dev build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm run bench` builds with BENCH_BASELINE=1, which makes app/bench-baseline/page.bench.tsx a
  // page (the page-weight baseline); every other build has no such route.
  pageExtensions: process.env.BENCH_BASELINE === "1" ? ["bench.tsx", "tsx", "ts"] : ["tsx", "ts"],
  // The image (Dockerfile) and the e2e build run `node <distDir>/standalone/server.js`: a server
  // with only the files it needs. Opt-in, because `next start` — which the demo and the bench use —
  // warns on every start that it "does not work" with standalone output (it does).
  ...(process.env.NEXT_OUTPUT === "standalone"
    ? {
        output: "standalone",
        outputFileTracingRoot: fileURLToPath(new URL(".", import.meta.url)),
        // Migrations are read at run time from lib/db/migrations under the working directory, which
        // server.js sets to its own folder: copy them there (tracing cannot see a folder read by path).
        outputFileTracingIncludes: { "/**": ["./lib/db/migrations/**/*"] },
      }
    : {}),
  poweredByHeader: false,
  // PGlite loads its WebAssembly and data files from beside its own module. Bundled, the copy in
  // the page-rendering layer resolves them to browser URLs (/_next/static/media/…) and cannot open
  // a database at all (a TypeError about a URL, then PGlite's Aborted()); required from
  // node_modules, every layer shares one working copy.
  serverExternalPackages: ["@electric-sql/pglite"],
  // Redirects from proxy.ts keep the exact APP_URL they name. Without this Next rewrites a
  // loopback host to "localhost" and, whenever forwarded headers make the request look like
  // another origin, sends that rewritten absolute URL (http://localhost:3000/signin for a demo
  // on 127.0.0.1:3000 behind a proxy).
  skipProxyUrlNormalize: true,
  reactStrictMode: true,
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 for signed-in non-owners.
    authInterrupts: true,
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [lockedDownCsp] },
      { source: "/_next/:path*", headers: [lockedDownCsp] },
      { source: "/favicon.ico", headers: [lockedDownCsp] },
    ];
  },
};

export default nextConfig;
