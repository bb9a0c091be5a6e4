# sohoa application image: the CLI, `sohoa worker` and `sohoa migrate`. OCR runs on tesseract.js (WASM) with the
# language data from npm packages, so no native tesseract and no network at run time.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The package lists itself as a dev dependency (file:.) for its own tests: give npm ci something to link.
RUN mkdir -p bin && echo "" > bin/sohoa.js && npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    # Long-running OCR workers fragment glibc's heap less with few arenas.
    MALLOC_ARENA_MAX=2 \
    SOHOA_DATA_DIR=/var/lib/sohoa
WORKDIR /app
# The whole built tree: data files (rules, migrations, fonts) are found relative to the package root.
COPY --from=build /app /app
RUN mkdir -p /var/lib/sohoa && chown node:node /var/lib/sohoa && ln -s /app/bin/sohoa.js /usr/local/bin/sohoa
USER node
ENTRYPOINT ["node", "/app/bin/sohoa.js"]
CMD ["worker"]
