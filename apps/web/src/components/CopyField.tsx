import { useId, useRef, useState } from "react";

/** A labelled read-only text (a citation, a URL, a line of code) with a button that copies it. */
export function CopyField({
  name,
  label,
  value,
  rows = 1,
}: {
  name: string;
  label: string;
  value: string;
  rows?: number;
}) {
  const id = useId();
  const text = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus("Copied");
    } catch {
      // No clipboard (a frame not allowed it, an old browser): the text is selected for the keyboard to copy.
      text.current?.select();
      setStatus("Selected: press Ctrl+C (⌘C) to copy");
    }
  };
  return (
    <div className="copy-field" data-field={name}>
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <textarea
          id={id}
          ref={text}
          name={name}
          value={value}
          rows={rows}
          readOnly
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" aria-label={`Copy ${label}`} onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <span className="copy-status" role="status">
        {status}
      </span>
    </div>
  );
}
