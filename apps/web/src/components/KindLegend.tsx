/** How a figure's kind is drawn: reported filled, estimate hollow, forecast dashed; competing estimates diamonds. */
export function KindLegend({ events = false }: { events?: boolean }) {
  return (
    <ul className="legend kinds" aria-label="Kinds of figures">
      <li>
        <svg width="12" height="12" aria-hidden="true">
          <circle cx="6" cy="6" r="4" fill="currentColor" />
        </svg>
        reported
      </li>
      <li>
        <svg width="12" height="12" aria-hidden="true">
          <circle cx="6" cy="6" r="4" fill="none" stroke="currentColor" />
        </svg>
        estimate
      </li>
      <li>
        <svg width="12" height="12" aria-hidden="true">
          <circle cx="6" cy="6" r="4" fill="none" stroke="currentColor" strokeDasharray="2 1" />
        </svg>
        forecast
      </li>
      <li>
        <svg width="12" height="12" aria-hidden="true">
          <rect x="2" y="2" width="8" height="8" transform="rotate(45 6 6)" fill="none" stroke="currentColor" />
        </svg>
        competing estimate
      </li>
      {events ? (
        <li>
          <svg width="12" height="12" aria-hidden="true">
            <line x1="6" x2="6" y1="0" y2="12" stroke="#8a6d00" strokeDasharray="2 2" />
          </svg>
          policy event
        </li>
      ) : null}
    </ul>
  );
}
