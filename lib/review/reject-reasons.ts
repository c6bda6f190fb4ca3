import { z } from "zod";

/** Why a reviewer turns a draft down: a fixed list, so rejections can be counted and fed back to drafting. */
export const rejectReasons = {
  not_checkable: "Opinion or prediction: nothing to check",
  not_misleading: "The post is not misleading",
  inaccurate: "The note is inaccurate",
  weak_sources: "The sources are weak or don't support the note",
  misses_point: "The note misses the post's point",
  already_noted: "The post already has a good note",
  unsafe: "Harassing, abusive or unsafe",
  other: "Other (say why in the note)",
} as const;

export type RejectReason = keyof typeof rejectReasons;

export const rejectionSchema = z
  .object({
    reason: z.enum(Object.keys(rejectReasons) as [RejectReason, ...RejectReason[]], { message: "Choose a reason from the list." }),
    note: z.string().trim().max(1000, { message: "Keep the note under 1,000 characters." }).optional(),
  })
  .refine((r) => r.reason !== "other" || Boolean(r.note), { path: ["note"], message: 'Say why when the reason is "Other".' });

export type Rejection = z.output<typeof rejectionSchema>;
