/**
 * Issue #22 point 9: the sample page's Streams log reads as the README's walkthrough shows it
 * (`accepted video …`, `closed hangup …`: one space between the stream and what it says), its columns
 * lined up by the style sheet, not by padding the text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestCallClient } from 'lp-call-streams/testing';
import { mountEventLog } from './src/streams-log';

/** The log lines the README's walkthrough quotes, as patterns: `accepted video …` → /^accepted video \S+$/. */
const quoted = (): RegExp[] => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const walkthrough = readme.slice(readme.indexOf('## The two commands'), readme.indexOf('\n## ', readme.indexOf('## The two commands') + 3));
  return [...walkthrough.matchAll(/`((?:accepted|closed) [a-z]+) …`/g)].map((m) => new RegExp(`^${m[1] ?? ''} \\S+$`));
};

describe('the Streams log', () => {
  it('shows each value as "<time> <stream> <what>", as the README quotes it', () => {
    document.body.innerHTML = '<ol data-testid="event-log"></ol>';
    const t = createTestCallClient();
    const subscription = mountEventLog(t.client);
    t.advance(10);
    t.sendCall('INVITED');
    t.client.accept('call-1').subscribe();
    t.advance(0);
    t.sendCall('ACCEPTED');
    t.sendCall('CLOSED', { state: 'CLOSE' });
    const lines = Array.from(document.querySelectorAll('[data-testid="event-log"] li'), (li) => li.textContent ?? '');
    const withoutTime = lines.map((line) => line.replace(/^\d\d:\d\d:\d\d\.\d{3} /, ''));
    const patterns = quoted();
    expect(patterns.map(String)).toEqual(['/^accepted video \\S+$/', '/^closed hangup \\S+$/']);
    for (const pattern of patterns) expect(withoutTime.filter((line) => pattern.test(line))).toHaveLength(1);
    expect(lines.every((line) => /^\d\d:\d\d:\d\d\.\d{3} [a-z]+ \S/.test(line) && !/ {2}/.test(line))).toBe(true);
    subscription.unsubscribe();
  });

  it('keeps its columns: time, stream and what in their own elements', () => {
    document.body.innerHTML = '<ol data-testid="event-log"></ol>';
    const t = createTestCallClient();
    const subscription = mountEventLog(t.client);
    t.advance(10);
    const item = document.querySelector('[data-testid="event-log"] li[data-stream="connection"]');
    expect(Array.from(item?.children ?? [], (child) => child.className)).toEqual(['time', 'stream', 'what']);
    subscription.unsubscribe();
  });
});
