/** Tiny DOM helpers. Every text goes in through `textContent`; nothing is parsed as HTML. */

/** The element with `data-testid="<id>"`, checked to be of the expected class. */
export function byTestId<T extends HTMLElement>(id: string, type: new () => T, root: ParentNode = document): T {
  const element = root.querySelector(`[data-testid="${id}"]`);
  if (!(element instanceof type)) throw new Error(`sample: no ${type.name} with data-testid="${id}"`);
  return element;
}

/** Sets the text and a `data-status` attribute (for styling and tests). */
export function showStatus(element: HTMLElement, status: string, text: string = status): void {
  element.dataset['status'] = status;
  element.textContent = text;
}

/**
 * Appends `<li>` with `text` and data attributes; keeps at most `max` items (oldest dropped). Given
 * columns (`[className, text]` pairs), each is a `<span>`, one space between them.
 */
export function appendItem(list: HTMLElement, text: string | readonly (readonly [string, string])[], data: Readonly<Record<string, string>> = {}, max = 100): HTMLLIElement {
  const item = document.createElement('li');
  if (typeof text === 'string') item.textContent = text;
  else {
    text.forEach(([className, value], index) => {
      if (index > 0) item.append(' ');
      item.append(Object.assign(document.createElement('span'), { className, textContent: value }));
    });
  }
  for (const [key, value] of Object.entries(data)) item.dataset[key] = value;
  list.appendChild(item);
  while (list.children.length > max) list.firstElementChild?.remove();
  list.scrollTop = list.scrollHeight;
  return item;
}

/** A readable message for anything thrown. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
