/**
 * How a figure's kind is drawn: reported filled, estimate hollow, forecast dashed; competing estimates diamonds; and,
 * when the chart has them, policy events and lines dotted across periods with no figure.
 */
export function KindLegend({ events = false, gaps = false }: { events?: boolean; gaps?: boolean }) {
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
      {gaps ? (
        <li>
          <svg width="16" height="12" aria-hidden="true">
            <line x1="1" x2="15" y1="6" y2="6" stroke="currentColor" strokeDasharray="1 4" strokeLinecap="round" />
          </svg>
          no figure for the period
        </li>
      ) : null}
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
