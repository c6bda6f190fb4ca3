export { syncEligiblePosts, type EligibleFeed, type SyncOptions, type SyncResult, type TriageCounts } from "./sync";
