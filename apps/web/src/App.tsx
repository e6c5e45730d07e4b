import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ThemeToggle } from "./components/ThemeToggle.js";
import { Overview } from "./pages/Overview.js";

// One retry: a missing route or a bad query fails the same way twice, and its message should show at once.
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: 1 } } });

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <header className="site-header">
        <div>
          <h1>chipflow</h1>
          <p>Who ships which chips and chip-making tools to whom — with the source of every number.</p>
        </div>
        <ThemeToggle />
      </header>
      <Overview />
    </QueryClientProvider>
  );
}
