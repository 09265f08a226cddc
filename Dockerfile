# The xiaoban image for the multi-machine shape (docker-compose.yml): API + built admin panel.
FROM node:20-bookworm-slim AS build
RUN npm i -g pnpm@10.34.9
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile && node scripts/build-if-stale.mjs

FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends fonts-wqy-microhei && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app /app
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
EXPOSE 3000
# The Node options of scripts/api-process.mjs (the V8 heap cap).
CMD ["node", "--max-old-space-size=320", "apps/api/dist/main.js"]
