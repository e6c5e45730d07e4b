import { QueryClientProvider } from "@tanstack/react-query";
import { ThemeToggle } from "./components/ThemeToggle.js";
import { Embed } from "./pages/Embed.js";
import { BilateralPage } from "./pages/Bilateral.js";
import { Overview } from "./pages/Overview.js";
import { BILATERAL_PATH, parseBilateral } from "./view/bilateral.js";
import { CURATED_VIEWS, findCuratedView } from "./views/curated-views.js";
import { queryClient } from "./query-client.js";
import { findEmbeddedChart } from "./views/embedded-chart.js";

export function App() {
  const embedded = findEmbeddedChart(window.location.pathname);
  if (embedded) {
    return (
      <QueryClientProvider client={queryClient}>
        <Embed chart={embedded} />
      </QueryClientProvider>
    );
  }
  const curated = findCuratedView(window.location.pathname);
  const bilateral = window.location.pathname.replace(/\/$/, "") === BILATERAL_PATH;
  return (
    <QueryClientProvider client={queryClient}>
      <header className="site-header">
        <div>
          <h1>chipflow</h1>
          <p>Who ships which chips and chip-making tools to whom — with the source of every number.</p>
        </div>
        <ThemeToggle />
      </header>
      <nav className="views-nav" aria-label="Views">
        <a href="/" aria-current={curated || bilateral ? undefined : "page"}>
          Overview
        </a>
        {CURATED_VIEWS.map((v) => (
          <a key={v.slug} href={`/views/${v.slug}`} aria-current={curated === v ? "page" : undefined}>
            {v.title}
          </a>
        ))}
      </nav>
      {bilateral ? (
        <BilateralPage pair={parseBilateral(window.location.search)} />
      ) : curated ? (
        <Overview
          key={curated.slug}
          base={curated.view}
          intro={
            <section className="card curated-intro" aria-labelledby="view-title">
              <h2 id="view-title">{curated.title}</h2>
              {curated.paragraphs.map((p) => (
                <p key={p.slice(0, 24)}>{p}</p>
              ))}
            </section>
          }
        />
      ) : (
        <Overview />
      )}
    </QueryClientProvider>
  );
}
