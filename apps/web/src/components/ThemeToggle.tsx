import { useEffect, useState } from "react";

type Theme = "system" | "light" | "dark";
const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };

function storedTheme(): Theme {
  const t = localStorage.getItem("chipflow-theme");
  return t === "light" || t === "dark" ? t : "system";
}

/** Light, dark or the system's choice (prefers-color-scheme); remembered on this device. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === "system") {
      root.removeAttribute("data-theme");
      localStorage.removeItem("chipflow-theme");
    } else {
      root.setAttribute("data-theme", theme);
      localStorage.setItem("chipflow-theme", theme);
    }
  }, [theme]);
  return (
    <button
      type="button"
      className="theme-toggle"
      onClick={() => setTheme(NEXT[theme])}
      aria-label={`Theme: ${theme}. Change theme`}
    >
      Theme: {theme}
    </button>
  );
}
