import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  height: number;
  /** What the chart shows, in words: read out instead of the drawing. */
  label: string;
  children: (width: number) => ReactNode;
}

/**
 * An SVG exactly as wide as its box (measured, not scaled with a viewBox), so axis text stays 11 px on a
 * phone and on a wide screen alike.
 */
export function ChartFrame({ height, label, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    setWidth(Math.floor(element.clientWidth));
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className="chart-frame" style={{ height }}>
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-label={label} className="chart">
          {children(width)}
        </svg>
      )}
    </div>
  );
}
