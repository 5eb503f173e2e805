import { Component, type ReactNode } from 'react';

export interface ChartBoundaryProps {
  readonly children: ReactNode;
}

interface ChartBoundaryState {
  readonly failed: boolean;
}

/**
 * Keeps a chart that could not load (its chunk failed to download) from taking the workspace down: the clinician
 * is told, and the scores stay readable in the table beside it.
 */
export class ChartBoundary extends Component<ChartBoundaryProps, ChartBoundaryState> {
  override state: ChartBoundaryState = { failed: false };

  static getDerivedStateFromError(): ChartBoundaryState {
    return { failed: true };
  }

  override render(): ReactNode {
    if (this.state.failed) {
      return (
        <p className="notice" role="status">
          The chart could not be loaded; the scores are listed in the table below. Reloading the page may help.
        </p>
      );
    }
    return this.props.children;
  }
}
