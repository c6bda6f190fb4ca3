import "server-only";

// The review view's previous/next follow the list it came from: lib/review/queue.ts reads them in its order and filters.
export { queueNeighbors, type QueueNeighbors } from "@/lib/review/queue";
