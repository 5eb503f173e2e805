/**
 * A line chart of one target's scores over time, with the target line and the due date. Drawn as plain SVG from
 * `chartLayout`; loaded on first use (see LazyProgressChart.tsx), so it stays out of the workspace's first load.
 * Screen readers get the summary as the image's name and the scores from the table beside it.
 */
import type { ReactElement } from 'react';
import type { MeasurableTarget } from '../../plan/index.ts';
import { aimWords, dateWords } from '../../workspace/outline-words.ts';
import { chartLayout, type ChartScore } from './chart-geometry.ts';
import { chartSummary } from './progress-words.ts';

export interface ProgressChartProps {
  readonly target: MeasurableTarget;
  readonly scores: readonly ChartScore[];
}

const SIZE = { width: 640, height: 240 } as const;

export function ProgressChart({ target, scores }: ProgressChartProps): ReactElement {
  const layout = chartLayout({ scores, targetValue: target.value.value, dueDate: target.dueDate, size: SIZE });
  const { plot } = layout;
  return (
    <svg
      className="progress-chart"
      role="img"
      aria-label={chartSummary(target, scores)}
      viewBox={`0 0 ${String(SIZE.width)} ${String(SIZE.height)}`}
      preserveAspectRatio="xMidYMid meet"
    >
      <g className="chart-grid">
        {layout.yTicks.map((tick) => (
          <g key={`y-${tick.label}`}>
            <line x1={plot.left} x2={plot.right} y1={tick.position} y2={tick.position} />
            <text className="chart-value-label" x={plot.left - 6} y={tick.position} textAnchor="end" dy="0.32em">
              {tick.label}
            </text>
          </g>
        ))}
        {layout.xTicks.map((tick, index) => (
          <text
            key={`x-${tick.label}`}
            className="chart-date-label"
            x={tick.position}
            y={plot.bottom + 20}
            // The last date ends at the right edge of the plot, so it is not cut off.
            textAnchor={index > 0 && index === layout.xTicks.length - 1 ? 'end' : 'middle'}
          >
            {tick.label}
          </text>
        ))}
      </g>
      <line className="chart-axis" x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
      <line className="chart-axis" x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
      <line className="chart-target" x1={plot.left} x2={plot.right} y1={layout.targetY} y2={layout.targetY} />
      <text className="chart-target-label" x={plot.right} y={layout.targetY - 4} textAnchor="end">
        Target {aimWords(target)}
      </text>
      {layout.dueX === undefined || target.dueDate === undefined ? null : (
        <g className="chart-due">
          <line x1={layout.dueX} x2={layout.dueX} y1={plot.top} y2={plot.bottom} />
          <text x={layout.dueX - 4} y={layout.dueLabelY} textAnchor="end">
            Due {dateWords(target.dueDate)}
          </text>
        </g>
      )}
      {layout.line === '' ? null : <path className="chart-line" d={layout.line} />}
      {layout.points.map((point) => (
        <circle key={point.id} className="chart-point" cx={point.x} cy={point.y} r={4}>
          <title>
            {String(point.value)} on {dateWords(point.date)}
          </title>
        </circle>
      ))}
    </svg>
  );
}
