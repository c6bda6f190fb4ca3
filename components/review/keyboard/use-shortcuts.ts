"use client";

import { useEffect, useEffectEvent } from "react";

/**
 * Keys are written as KeyboardEvent.key ("j", "ArrowDown", "?") or "mod+Enter" for Ctrl/Cmd+Enter.
 * A handler returning false did not use the key, so the browser keeps its default.
 */
export type ShortcutMap = Partial<Record<string, () => boolean | void>>;

/** Keys that still work while the caret is in a text field: saving and getting out. */
const WHILE_TYPING = new Set(["mod+Enter", "mod+s", "Escape"]);
/** Held-down navigation repeats; a held-down decision key must not reject five drafts. */
const REPEATABLE = new Set(["j", "k", "ArrowDown", "ArrowUp"]);

export function keyName(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey">): string {
  return event.ctrlKey || event.metaKey ? `mod+${event.key}` : event.key;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Single-key shortcuts for a page. Off while typing (except those in WHILE_TYPING) and while a modal
 * dialog is open: a dialog's own buttons and Esc take over there.
 */
export function useShortcuts(map: ShortcutMap, enabled = true): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (!enabled || event.defaultPrevented || event.altKey) return;
    const name = keyName(event);
    const handler = map[name];
    if (!handler) return;
    if (isTypingTarget(event.target) && !WHILE_TYPING.has(name)) return;
    if (document.querySelector("dialog[open]")) return;
    if (event.repeat && !REPEATABLE.has(name)) return;
    if (handler() !== false) event.preventDefault();
  });

  useEffect(() => {
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
