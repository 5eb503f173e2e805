import type { ReactElement } from 'react';
import type { OutlineBlock } from '../workspace/plan-outline.ts';

export interface PrintOutlineBlockProps {
  readonly block: OutlineBlock;
  /** The heading level of an entry's title here: 3 in a section, 4 in a goal. */
  readonly level: 3 | 4 | 5;
}

/** One block of the printed plan's outline; every value is rendered as text. */
export function PrintOutlineBlock({ block, level }: PrintOutlineBlockProps): ReactElement {
  switch (block.kind) {
    case 'rows':
      return (
        <dl className="print-rows">
          {block.rows.map((row, index) => (
            <div key={`${String(index)}-${row.label}`}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'list':
      return (
        <div className="print-list">
          <p className="print-label">{block.label}</p>
          {block.items.length === 0 ? (
            <p className="print-none">None recorded.</p>
          ) : (
            <ul>
              {block.items.map((item, index) => (
                <li key={String(index)}>{item}</li>
              ))}
            </ul>
          )}
        </div>
      );
    case 'paragraph':
      return (
        <div className="print-paragraph">
          <p className="print-label">{block.label}</p>
          <p className="print-text">{block.text}</p>
        </div>
      );
    case 'entry': {
      const Heading = `h${String(level)}` as 'h3' | 'h4' | 'h5';
      const inner = level === 3 ? 4 : 5;
      return (
        <div className="print-entry">
          <Heading>{block.title}</Heading>
          {block.blocks.map((child, index) => (
            <PrintOutlineBlock key={String(index)} block={child} level={inner} />
          ))}
        </div>
      );
    }
    case 'none':
      return <p className="print-none">{block.text}</p>;
  }
}
