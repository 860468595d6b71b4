import { Observable } from 'rxjs';

/** The class LivePerson's call app renders into. */
export const CALL_SCREEN_CLASS = 'lp_cobrowse_callscreen_container';

/** Marks containers this library made; its value counts the subscriptions holding it. */
const HOLDERS_ATTR = 'data-lp-call-streams-holders';

/** Options of {@link callScreenContainer}. */
export interface CallScreenContainerConfig {
  /** Where the container goes. Default `doc.body` (else `doc.documentElement`). */
  readonly parent?: Element;
  /** Text of the loading indicator (set with `textContent`, never parsed as HTML); `null`: none. Default `'Connecting…'`. */
  readonly loadingText?: string | null;
  /** Class of the container. Default `lp_cobrowse_callscreen_container`. */
  readonly className?: string;
}

const XHTML = 'http://www.w3.org/1999/xhtml';

/** One of our containers: only we set the marker, and only on the HTML `<div>`s we create. */
const isOurs = (el: Element, className: string): el is HTMLElement =>
  el.namespaceURI === XHTML && el.classList.contains(className) && el.hasAttribute(HOLDERS_ATTR);

const holdersOf = (el: Element): number => Number.parseInt(el.getAttribute(HOLDERS_ATTR) ?? '0', 10) || 0;

/**
 * The call-screen container as an Observable: on subscribe it creates (or reuses one of ours that
 * already exists in `parent` — never a duplicate) a `<div class="lp_cobrowse_callscreen_container">`
 * holding a loading indicator, emits it, and removes it on teardown once no subscription holds it.
 *
 * ```
 * subscribe:  ^-------!
 * result:     e--------     (e: the element; removed at !)
 * ```
 *
 * @example
 * import { callScreenContainer } from 'lp-call-streams';
 * const screen = callScreenContainer(document, { loadingText: 'Connecting your call…' }).subscribe();
 * // …call ended: screen.unsubscribe() removes it
 */
export function callScreenContainer(doc: Document, config: CallScreenContainerConfig = {}): Observable<HTMLElement> {
  const { loadingText = 'Connecting…', className = CALL_SCREEN_CLASS } = config;
  return new Observable<HTMLElement>((subscriber) => {
    const parent = config.parent ?? doc.body ?? doc.documentElement;
    let container = Array.from(parent.children).find((el) => isOurs(el, className));
    if (!container) {
      container = doc.createElement('div');
      container.className = className;
      if (loadingText !== null) {
        const indicator = doc.createElement('div');
        indicator.className = `${className}_loading`;
        indicator.setAttribute('role', 'status');
        indicator.textContent = loadingText;
        container.appendChild(indicator);
      }
      parent.appendChild(container);
    }
    const held = container;
    held.setAttribute(HOLDERS_ATTR, String(holdersOf(held) + 1));
    subscriber.next(held);
    return () => {
      const left = holdersOf(held) - 1;
      if (left > 0) held.setAttribute(HOLDERS_ATTR, String(left));
      else held.remove();
    };
  });
}
