/** The placeholder of a card whose code is still loading. */
export function CardLoading({ what, height = 380 }: { what: string; height?: number }) {
  return (
    <section className="card">
      <div className="placeholder" style={{ height }} role="status">
        Loading {what}…
      </div>
    </section>
  );
}
