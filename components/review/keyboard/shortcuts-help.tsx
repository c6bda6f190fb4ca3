"use client";

import Link from "next/link";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Kbd } from "@/components/ui/kbd";

import { ShortcutTable } from "./shortcut-table";
import { useShortcuts } from "./use-shortcuts";

/** The "?" button and cheatsheet. Shortcuts are off while typing; Ctrl/⌘+Enter, Ctrl/⌘+S and Esc still work. */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  useShortcuts({ "?": () => setOpen(true) });
  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts">
        <Kbd>?</Kbd>
        <span className="hidden sm:inline">Shortcuts</span>
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Keyboard shortcuts"
        description="Off while you type in a field, except Ctrl/⌘+Enter, Ctrl/⌘+S and Esc."
        size="sm"
        footer={
          <Link href="/queue/shortcuts" className="text-sm underline" onClick={() => setOpen(false)}>
            Open as a page to print
          </Link>
        }
      >
        <ShortcutTable />
      </Dialog>
    </>
  );
}
