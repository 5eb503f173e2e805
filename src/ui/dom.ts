/**
 * A tiny element builder for the pages that run without React (the launch page, and the error page shown when
 * the app cannot start). Text is always set as text, never parsed as HTML.
 */

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>> = {},
  ...children: readonly Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** Replaces the container's content. */
export function show(container: Element, ...nodes: readonly Node[]): void {
  container.replaceChildren(...nodes);
}
