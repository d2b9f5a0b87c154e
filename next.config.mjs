/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets a test build (with known fake secrets) sit beside a dev build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
