import { TestScheduler } from 'rxjs/testing';
import { CALL_SCREEN_CLASS, callScreenContainer } from '../../lib/dom';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const containers = () => document.querySelectorAll(`.${CALL_SCREEN_CLASS}`);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('callScreenContainer', () => {
  it('creates the container with a loading indicator on subscribe, emits it, and removes it on unsubscribe', () => {
    const seenDuring: number[] = [];
    const scheduler = newScheduler();
    scheduler.run(({ expectObservable }) => {
      scheduler.schedule(() => seenDuring.push(containers().length), 2);
      expectObservable(callScreenContainer(document), '^---!').toBe('e---', { e: expect.any(HTMLDivElement) });
    });
    expect(seenDuring).toEqual([1]);
    expect(containers()).toHaveLength(0);
  });

  it('puts the container into body with the default indicator text', () => {
    const sub = callScreenContainer(document).subscribe((el) => {
      expect(el.parentElement).toBe(document.body);
      expect(el.className).toBe('lp_cobrowse_callscreen_container');
      expect(el.textContent).toBe('Connecting…');
    });
    expect(containers()).toHaveLength(1);
    sub.unsubscribe();
  });

  it('sets the loading text with textContent only: markup stays text', () => {
    const sub = callScreenContainer(document, { loadingText: '<script>window.hacked = true</script><b>bold</b>' }).subscribe();
    const el = containers()[0];
    expect(el?.textContent).toBe('<script>window.hacked = true</script><b>bold</b>');
    expect(el?.querySelector('script, b')).toBeNull();
    expect(el?.innerHTML).toContain('&lt;script&gt;');
    sub.unsubscribe();
  });

  it('is idempotent: a second subscription reuses our container; it goes when the last one leaves', () => {
    const first: HTMLElement[] = [];
    const a = callScreenContainer(document).subscribe((el) => first.push(el));
    const b = callScreenContainer(document).subscribe((el) => first.push(el));
    expect(containers()).toHaveLength(1);
    expect(first[0]).toBe(first[1]);
    a.unsubscribe();
    expect(containers()).toHaveLength(1);
    b.unsubscribe();
    expect(containers()).toHaveLength(0);
  });

  it('is recreated after removal (e.g. on resume)', () => {
    callScreenContainer(document).subscribe().unsubscribe();
    const again = callScreenContainer(document, { loadingText: 'Resuming your call…' }).subscribe();
    expect(containers()).toHaveLength(1);
    expect(containers()[0]?.textContent).toBe('Resuming your call…');
    again.unsubscribe();
  });

  it('honours parent, className and loadingText: null (no indicator)', () => {
    const parent = document.createElement('section');
    document.body.appendChild(parent);
    const sub = callScreenContainer(document, { parent, className: 'my_call', loadingText: null }).subscribe();
    const el = parent.querySelector('.my_call');
    expect(el?.parentElement).toBe(parent);
    expect(el?.childElementCount).toBe(0);
    expect(containers()).toHaveLength(0);
    sub.unsubscribe();
    expect(parent.querySelector('.my_call')).toBeNull();
  });

  it('leaves an element it did not create alone', () => {
    const foreign = document.createElement('div');
    foreign.className = CALL_SCREEN_CLASS;
    document.body.appendChild(foreign);
    const sub = callScreenContainer(document).subscribe((el) => expect(el).not.toBe(foreign));
    sub.unsubscribe();
    expect(foreign.isConnected).toBe(true);
    expect(containers()).toHaveLength(1);
  });
});
