import type { SimWriter } from "../authenticate";
import type { SimRoute } from "../faults";
import type { Reply } from "../problems";
import type { SimulatorState } from "../state";

export type RouteContext = {
  state: SimulatorState;
  writer: SimWriter;
  url: URL;
  /** The parsed JSON body of a POST. */
  body: unknown;
  /** Path parameters, e.g. the note id of DELETE /2/notes/{id}. */
  params: string[];
  origin: string;
};

export type ApiRoute = {
  name: SimRoute;
  method: "GET" | "POST" | "DELETE";
  path: RegExp;
  handle(ctx: RouteContext): Reply;
};
