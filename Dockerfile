# syntax=docker/dockerfile:1
# Kluis: API server and PWA in one image, served on one port.
#   docker build -t kluis .        (or: docker compose up --build)
# Both stages use the same base so native addons (better-sqlite3, argon2)
# built here match the runtime's Node ABI and glibc.
ARG NODE_IMAGE=node:20-slim

# ---- build: install everything, compile server and PWA, drop dev dependencies
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Toolchain for native addons when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY server/package.json server/package.json
COPY pwa/package.json pwa/package.json
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && mkdir -p server/node_modules pwa/node_modules \
 && npm cache clean --force

# ---- runtime: production dependencies and built output only
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    DATA_DIR=/data
WORKDIR /app
# Same layout as the repository: server/dist/http/pwa.js serves ../../../pwa/dist/,
# the portal service reads ../../../assets/terms.md (server/assets).
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/server/package.json ./server/package.json
COPY --from=build /app/server/node_modules ./server/node_modules
COPY --from=build /app/server/dist ./server/dist
COPY --from=build /app/server/assets ./server/assets
COPY --from=build /app/pwa/package.json ./pwa/package.json
COPY --from=build /app/pwa/node_modules ./pwa/node_modules
COPY --from=build /app/pwa/dist ./pwa/dist
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 4000
# No curl in slim images: Node's fetch checks liveness.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node as PID 1 receives SIGTERM directly; the server drains and exits 0.
# A larger first old space: once V8 has sized the heap down after a quiet spell, a large upload's buffers otherwise
# start a full GC every ~100 ms and halve its speed (docs/performance.md, B4). Not settable through NODE_OPTIONS.
CMD ["node", "--initial-old-space-size=256", "server/dist/main.js"]
