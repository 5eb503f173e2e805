import { fieldAnchor } from '../../workspace/sections.ts';

/** The ids a field's control and message use, from the plan path it edits. */
export function fieldIds(path: string): { readonly control: string; readonly message: string } {
  const control = fieldAnchor(path);
  return { control, message: `${control}-message` };
}

/** Props that tie a control to its message and mark it invalid while there is one. */
export function describedBy(messageId: string, message: string | undefined): Record<string, string | boolean> {
  return message === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': messageId };
}
