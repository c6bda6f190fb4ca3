/** The part of autocannon 8's API bench/load uses (the package ships no type declarations). */
declare module "autocannon" {
  namespace autocannon {
    type Request = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request;
      onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
    };
    type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; total: number; p50: number; p90: number; p99: number; p97_5: number; p99_9: number };
    type Result = {
      requests: Histogram;
      latency: Histogram;
      throughput: Histogram;
      errors: number;
      timeouts: number;
      non2xx: number;
      duration: number;
      "2xx": number;
    };
    type Options = { url: string; connections?: number; duration?: number; amount?: number; requests?: Request[]; timeout?: number };
    type Instance = { on(event: "done", listener: (result: Result) => void): Instance; on(event: "error", listener: (error: Error) => void): Instance; stop(): void };
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
