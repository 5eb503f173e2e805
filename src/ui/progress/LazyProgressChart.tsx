/** The progress chart, loaded on first use (issue 4 §6: charts stay out of the workspace's first load). */
import { lazy, Suspense, type ReactElement } from 'react';
import { ChartBoundary } from './ChartBoundary.tsx';
import type { ProgressChartProps } from './ProgressChart.tsx';

const ProgressChart = lazy(() => import('./ProgressChart.tsx').then((module) => ({ default: module.ProgressChart })));

export function LazyProgressChart(props: ProgressChartProps): ReactElement {
  return (
    <ChartBoundary>
      <Suspense
        fallback={
          <p className="muted chart-loading" role="status">
            Loading the chart…
          </p>
        }
      >
        <ProgressChart {...props} />
      </Suspense>
    </ChartBoundary>
  );
}
