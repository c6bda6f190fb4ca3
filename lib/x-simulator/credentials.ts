/**
 * The simulator's demo identity: one developer app and one AI Note Writer account. Public on purpose: they
 * only open a local simulator. Point Notedesk at it with these values (see docs/x-simulator.md).
 */
export const demoCredentials = {
  app: {
    consumerKey: "notedesk-sim-consumer-key",
    consumerSecret: "notedesk-sim-consumer-secret",
  },
  writer: {
    id: "1700000000000000001",
    username: "notedesk_demo_writer",
    accessToken: "1700000000000000001-notedesksimaccesstoken",
    accessTokenSecret: "notedesk-sim-access-token-secret",
    oauth2UserToken: "notedesk-sim-oauth2-user-token",
  },
  /** App-only tokens are refused by the notes endpoints; this one exists to show that refusal. */
  appOnlyBearerToken: "AAAAAAAAAAAAAAAAAAAAANotedeskSimAppOnlyToken",
} as const;
