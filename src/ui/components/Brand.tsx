/** The product name with a small mark (an eagle's wing, for "Adler"). */
export function Brand() {
  return (
    <span className="brand">
      <svg
        className="brand-mark"
        viewBox="3 4 22 22"
        width="28"
        height="28"
        aria-hidden="true"
        focusable="false"
      >
        <path
          d="M5 17.5c5.2-.9 9.3-3.9 12.4-9.5 1 3.6.2 6.6-1.7 8.6 3-.9 5.8-.7 7.8.6-3.6.8-6.4 2.6-8.2 5.3-1.2-2.8-4.4-4.5-10.3-5z"
          fill="currentColor"
        />
      </svg>
      AdlerDo
    </span>
  );
}
