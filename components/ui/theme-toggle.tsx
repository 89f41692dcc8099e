"use client";

import * as React from "react";
import { MonitorIcon, MoonIcon, SunIcon } from "lucide-react";
import { useTheme } from "next-themes";

import { Button } from "@/components/ui/button";

const themes = ["light", "dark", "system"] as const;
type ThemeName = (typeof themes)[number];

const themeMeta: Record<ThemeName, { label: string; icon: typeof SunIcon }> = {
  light: { label: "Light", icon: SunIcon },
  dark: { label: "Dark", icon: MoonIcon },
  system: { label: "System", icon: MonitorIcon },
};

const subscribeNoop = () => () => {};

// The stored theme is only known on the client, so the server snapshot must differ to avoid a hydration mismatch.
function useIsMounted() {
  return React.useSyncExternalStore(
    subscribeNoop,
    () => true,
    () => false,
  );
}

function ThemeToggle({ className }: { className?: string }) {
  const { theme, setTheme } = useTheme();
  const mounted = useIsMounted();

  if (!mounted) {
    return (
      <Button
        variant="ghost"
        size="icon"
        disabled
        aria-label="Toggle theme"
        data-slot="theme-toggle"
        className={className}
      >
        <span className="size-4" />
      </Button>
    );
  }

  const current: ThemeName = theme === "light" || theme === "dark" ? theme : "system";
  const next = themes[(themes.indexOf(current) + 1) % themes.length] ?? "light";
  const Icon = themeMeta[current].icon;

  return (
    <Button
      variant="ghost"
      size="icon"
      data-slot="theme-toggle"
      aria-label={`Theme: ${themeMeta[current].label}. Switch to ${themeMeta[next].label.toLowerCase()} theme`}
      title={`Theme: ${themeMeta[current].label}`}
      onClick={() => setTheme(next)}
      className={className}
    >
      <Icon aria-hidden="true" />
    </Button>
  );
}

export { ThemeToggle };
