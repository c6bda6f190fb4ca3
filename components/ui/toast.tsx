"use client";

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

type Tone = "info" | "success" | "error";
type Toast = { id: number; tone: Tone; message: string; action?: { label: string; run: () => void } };
type ToastApi = { show: (message: string, options?: { tone?: Tone; action?: Toast["action"] }) => void };

const ToastContext = createContext<ToastApi | null>(null);

const toneClass: Record<Tone, string> = {
  info: "border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900",
  success: "border-emerald-400 bg-emerald-50 dark:border-emerald-700 dark:bg-emerald-950",
  error: "border-red-400 bg-red-50 dark:border-red-700 dark:bg-red-950",
};

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback<ToastApi["show"]>(
    (message, options) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-3), { id, message, tone: options?.tone ?? "info", action: options?.action }]);
      // Toasts with an action (undo) stay longer: people need time to reach for it.
      setTimeout(() => dismiss(id), options?.action ? 10_000 : 5_000);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show }), [show]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div aria-live="polite" className="fixed bottom-4 right-4 z-50 flex w-80 flex-col gap-2">
        {toasts.map((t) => (
          <div key={t.id} role="status" className={`rounded-md border px-3 py-2 text-sm shadow-sm ${toneClass[t.tone]}`}>
            <div className="flex items-start justify-between gap-2">
              <span>{t.message}</span>
              {t.action && (
                <button
                  className="font-medium underline"
                  onClick={() => {
                    t.action?.run();
                    dismiss(t.id);
                  }}
                >
                  {t.action.label}
                </button>
              )}
            </div>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast needs <ToastProvider>");
  return api;
}
