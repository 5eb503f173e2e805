import { Component, type ReactNode } from 'react';

export interface PadBoundaryProps {
  readonly children: ReactNode;
}

interface PadBoundaryState {
  readonly failed: boolean;
}

/**
 * Keeps a signature pad that could not load (its chunk failed to download) from taking the workspace down: the
 * clinician is told, and the typed name still signs.
 */
export class PadBoundary extends Component<PadBoundaryProps, PadBoundaryState> {
  override state: PadBoundaryState = { failed: false };

  static getDerivedStateFromError(): PadBoundaryState {
    return { failed: true };
  }

  override render(): ReactNode {
    if (this.state.failed) {
      return (
        <p className="notice" role="status">
          The signature pad could not be loaded; the typed name is the signature. Reloading the page may help.
        </p>
      );
    }
    return this.props.children;
  }
}
