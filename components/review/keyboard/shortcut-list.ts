/** What the cheatsheet lists; the keys themselves are bound where they act (queue list, review page). */
export const shortcutGroups = [
  {
    title: "Moving around",
    items: [
      { keys: ["j", "→"], does: "Next draft in the list you came from (on the list: ↓ works too)" },
      { keys: ["k", "←"], does: "Previous draft (on the list: ↑ works too)" },
      { keys: ["Enter"], does: "Open the selected draft (list)" },
      { keys: ["?"], does: "This cheatsheet" },
    ],
  },
  {
    title: "Reviewing a draft",
    items: [
      { keys: ["e"], does: "Edit the note text" },
      { keys: ["Ctrl/⌘", "S"], does: "Save a new revision (works while typing)" },
      { keys: ["Ctrl/⌘", "Enter"], does: "Save if changed, then claim and open the next draft (works while typing)" },
      { keys: ["Esc"], does: "Leave the text field / close a dialog" },
      { keys: ["a"], does: "Approve and submit (opens the confirmation; approvers)" },
      { keys: ["r"], does: "Reject with a reason" },
      { keys: ["s"], does: "Skip: back of the queue" },
      { keys: ["u"], does: "Undo your last reject, skip or unsent approval" },
      { keys: ["y"], does: "Rate the AI draft: I would post it as is" },
      { keys: ["n"], does: "Rate the AI draft: I would not post it as is" },
    ],
  },
] as const;
