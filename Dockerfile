# The helpdesk server for one or several processes behind a load balancer (docs/deploy/README.md).
# Debian's Node 20 image: glibc, so better-sqlite3 and Prisma's engines load their prebuilt binaries.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts ./scripts
COPY src ./src
COPY tsconfig.json ./
# postinstall generates both Prisma clients and compiles dist/ (npm start runs the compiled build).
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/src ./src
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/scripts ./scripts
COPY package.json package-lock.json prisma.config.ts tsconfig.json ./
COPY locales ./locales
COPY data ./data
# Non-root: the image's own "node" user; only data/ (SQLite file, generated session secret) is writable.
RUN chown -R node:node /app/data
USER node
EXPOSE 3000
# /readyz: the database answers and takes writes, the same check the load balancer routes on.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# npm start would rebuild a stale bundle first; the image's bundle is fresh, so run it directly.
CMD ["sh", "-c", "exec node --max-old-space-size=${NODE_HEAP_MB:-128} --max-semi-space-size=8 --liftoff-only dist/main.js"]
