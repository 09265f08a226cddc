/**
 * The Node options the API runs with: `pnpm start`, the Docker image (its CMD repeats them) and
 * the bench, which measures the API as it is started in production.
 *
 * The old generation is capped at 320 MB. Without a cap V8 sizes the heap for the machine's memory
 * and lets garbage pile up under load before collecting it: ~600 MB resident on a 24 GiB machine
 * (NFR-9, goal < 300 MB). The API's live heap is ~110 MB at rest; the cap leaves room for the
 * largest single piece of work, a 50 MB PDF being watermarked.
 */
export const API_NODE_OPTIONS = ['--max-old-space-size=320'];
