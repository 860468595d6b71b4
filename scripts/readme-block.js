// A generated block of the README: the text between two HTML-comment markers, read and rewritten
// (scripts/check-size.js: the bundle table; scripts/readme-numbers.js: the package sizes).
'use strict';

/**
 * @param {string} startMarker
 * @param {string} endMarker
 * @param {string} who the script, named in the error when the README lacks the markers
 */
function markedBlock(startMarker, endMarker, who) {
  const bounds = (readme) => {
    const start = readme.indexOf(startMarker);
    const end = readme.indexOf(endMarker);
    return start === -1 || end < start ? undefined : { start: start + startMarker.length, end };
  };
  return {
    /** The text between the markers (trimmed), or undefined when the markers are missing. */
    read: (readme) => {
      const b = bounds(readme);
      return b === undefined ? undefined : readme.slice(b.start, b.end).trim();
    },
    /** `readme` with the block replaced by `block`. */
    write: (readme, block) => {
      const b = bounds(readme);
      if (b === undefined) throw new Error(`${who}: the README has no ${startMarker} … ${endMarker}`);
      return `${readme.slice(0, b.start)}\n${block}\n${readme.slice(b.end)}`;
    },
  };
}

module.exports = { markedBlock };
