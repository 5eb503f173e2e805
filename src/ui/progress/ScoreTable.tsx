import type { ReactElement } from 'react';
import { meetsTarget, type MeasurableTarget, type Measurement } from '../../plan/index.ts';
import { amountWords, dateWords } from '../../workspace/outline-words.ts';
import { orderedScores } from './chart-geometry.ts';

export interface ScoreTableProps {
  readonly target: MeasurableTarget;
  readonly scores: readonly Measurement[];
}

/** The chart's scores as a table, behind a disclosure: the same data for screen readers and for reading exactly. */
export function ScoreTable({ target, scores }: ScoreTableProps): ReactElement {
  const byId = new Map(scores.map((m) => [m.id, m]));
  const ordered = orderedScores(scores.map((m) => ({ id: m.id, date: m.date, value: m.value.value })));
  return (
    <details className="score-table">
      <summary>
        Show the {String(ordered.length)} {ordered.length === 1 ? 'score' : 'scores'} as a table
      </summary>
      <table>
        <caption>{target.measure.text}, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Score</th>
            <th scope="col">Meets the target</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((score) => (
            <tr key={score.id}>
              <td>{dateWords(score.date)}</td>
              <td>{amountWords(score.value, byId.get(score.id)?.value.unit ?? target.value.unit)}</td>
              <td>{meetsTarget(score.value, target.comparator, target.value.value) ? 'Yes' : 'No'}</td>
              <td>{byId.get(score.id)?.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
