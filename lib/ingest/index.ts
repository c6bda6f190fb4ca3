export { syncEligiblePosts, type EligibleFeed, type SyncOptions, type SyncResult } from "./sync";
export { xEligibleFeed } from "./x-feed";
