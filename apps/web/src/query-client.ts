import { QueryClient } from "@tanstack/react-query";

/**
 * The app's one query cache. One retry: a missing route or a bad query fails the same way twice, and its message
 * should show at once.
 */
export const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: 1 } } });
