/**
 * The drawn signature: a canvas that follows a mouse, pen or finger through pointer events, and a button that
 * clears it. Loaded on first use (issue 4 §6: signature capture stays out of the workspace's first load).
 */
import { useRef, type PointerEvent, type ReactElement } from 'react';

export interface SignaturePadProps {
  /** The control's id, for the label that names it. */
  readonly id: string;
  /** The label's text; also the canvas's accessible name. */
  readonly label: string;
  readonly hint: string;
  readonly disabled: boolean;
  /** The drawing as PNG base64 (no `data:` prefix) after each stroke; `undefined` once cleared. */
  readonly onChange: (png: string | undefined) => void;
}

const WIDTH = 480;
const HEIGHT = 140;
const PNG_PREFIX = 'data:image/png;base64,';

/** Where a pointer is on the canvas, in canvas pixels (the canvas may be drawn smaller than its size). */
function pointOn(canvas: HTMLCanvasElement, event: PointerEvent<HTMLCanvasElement>): { x: number; y: number } {
  const box = canvas.getBoundingClientRect();
  const scaleX = box.width > 0 ? canvas.width / box.width : 1;
  const scaleY = box.height > 0 ? canvas.height / box.height : 1;
  return { x: (event.clientX - box.left) * scaleX, y: (event.clientY - box.top) * scaleY };
}

export function SignaturePad({ id, label, hint, disabled, onChange }: SignaturePadProps): ReactElement {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);

  const context = (): CanvasRenderingContext2D | null => canvasRef.current?.getContext('2d') ?? null;

  const start = (event: PointerEvent<HTMLCanvasElement>): void => {
    const canvas = canvasRef.current;
    const pen = context();
    if (disabled || canvas === null || pen === null) return;
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    const { x, y } = pointOn(canvas, event);
    pen.lineWidth = 2.5;
    pen.lineCap = 'round';
    pen.lineJoin = 'round';
    pen.strokeStyle = '#111';
    pen.beginPath();
    pen.moveTo(x, y);
    // A tap leaves a dot.
    pen.lineTo(x + 0.1, y + 0.1);
    pen.stroke();
    drawing.current = true;
  };

  const move = (event: PointerEvent<HTMLCanvasElement>): void => {
    const canvas = canvasRef.current;
    const pen = context();
    if (!drawing.current || canvas === null || pen === null) return;
    const { x, y } = pointOn(canvas, event);
    pen.lineTo(x, y);
    pen.stroke();
  };

  const end = (): void => {
    const canvas = canvasRef.current;
    if (!drawing.current || canvas === null) return;
    drawing.current = false;
    const url = canvas.toDataURL('image/png');
    onChange(url.startsWith(PNG_PREFIX) ? url.slice(PNG_PREFIX.length) : undefined);
  };

  const clear = (): void => {
    const canvas = canvasRef.current;
    const pen = context();
    if (canvas !== null && pen !== null) pen.clearRect(0, 0, canvas.width, canvas.height);
    onChange(undefined);
  };

  return (
    <div className="field signature-pad">
      <span id={`${id}-label`} className="field-label">
        {label}
      </span>
      <span id={`${id}-hint`} className="field-hint">
        {hint}
      </span>
      <canvas
        id={id}
        ref={canvasRef}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-hint`}
        className={disabled ? 'signature-canvas disabled' : 'signature-canvas'}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
      />
      <div className="button-row">
        <button type="button" className="button-quiet" disabled={disabled} onClick={clear}>
          Clear the drawing
        </button>
      </div>
    </div>
  );
}
