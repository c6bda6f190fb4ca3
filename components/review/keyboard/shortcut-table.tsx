import { Kbd } from "@/components/ui/kbd";

import { shortcutGroups } from "./shortcut-list";

/** The shortcuts by group, as the cheatsheet dialog and the printable page show them. */
export function ShortcutTable() {
  return (
    <div className="flex flex-col gap-4">
      {shortcutGroups.map((group) => (
        <section key={group.title}>
          <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{group.title}</h3>
          <dl className="flex flex-col gap-1.5 text-sm">
            {group.items.map((item) => (
              <div key={item.does} className="flex items-start justify-between gap-4">
                <dt className="flex shrink-0 gap-1">
                  {item.keys.map((key) => (
                    <Kbd key={key}>{key}</Kbd>
                  ))}
                </dt>
                <dd className="text-right text-zinc-600 dark:text-zinc-300">{item.does}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
