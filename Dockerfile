# syntax=docker/dockerfile:1
# Grantdesk's image: Next.js's standalone output (the server and only the files it needs) on
# Node 20, run as the unprivileged `node` user. Configuration comes from the environment at run
# time (README → Configuration); nothing secret is baked in. See compose.yaml for PostgreSQL.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build

FROM ${NODE_IMAGE} AS runner
WORKDIR /app
# NEXT_MANUAL_SIG_HANDLE: Grantdesk handles SIGTERM itself — it takes no new writes, lets the chunk
# in flight finish and record its outcome, then exits (lib/lifecycle/shutdown.ts).
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    NEXT_MANUAL_SIG_HANDLE=true \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
RUN mkdir -p /data && chown node:node /data
COPY --from=build --chown=node:node /app/.next/standalone ./
# Next leaves the browser assets to the deployer.
COPY --from=build --chown=node:node /app/.next/static ./.next/static
# Read at start-up from lib/db/migrations under the working directory (the build's file tracing
# copies them into the standalone folder too; this keeps the image right if tracing ever misses them).
COPY --from=build --chown=node:node /app/lib/db/migrations ./lib/db/migrations
USER node
EXPOSE 3000
# The embedded database (no DATABASE_URL) lives here; with PostgreSQL nothing is written to disk.
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
