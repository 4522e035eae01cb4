package main

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// quietWriter is stderr. With quiet set it passes errors only: a line
// that is a message of success or progress ("coach: wrote ...", "... is up
// to date", "coach: checked ..."), a note or a warning is dropped.
type quietWriter struct {
	w     io.Writer
	quiet bool
	buf   []byte
	// term is w when it is a terminal, where progress is drawn
	// (progress.go); nil otherwise.
	term io.Writer
	// carry is the start of a character that the last write cut in two.
	carry []byte
}

func (q *quietWriter) Write(p []byte) (int, error) {
	n := len(p)
	p = q.escape(p)
	if !q.quiet && len(q.buf) == 0 {
		if _, err := q.w.Write(p); err != nil {
			return 0, err
		}
		return n, nil
	}
	q.buf = append(q.buf, p...)
	for {
		i := bytes.IndexByte(q.buf, '\n')
		if i < 0 {
			break
		}
		line := q.buf[:i+1]
		if !q.quiet || !informational(line) {
			if _, err := q.w.Write(line); err != nil {
				return 0, err
			}
		}
		q.buf = q.buf[i+1:]
	}
	return n, nil
}

// escape is p with its control characters escaped (see shown): a message
// can quote a name, a path or a commit subject, and none of them may drive
// the terminal. A character cut in two by the end of p is kept until the
// next write completes it. (Progress is drawn on term, not through here.)
func (q *quietWriter) escape(p []byte) []byte {
	if len(q.carry) > 0 {
		p = append(q.carry, p...)
		q.carry = nil
	}
	for i := len(p) - 1; i >= 0 && i >= len(p)-3; i-- {
		if utf8.RuneStart(p[i]) {
			if p[i] >= utf8.RuneSelf && !utf8.FullRune(p[i:]) {
				q.carry = append([]byte(nil), p[i:]...)
				p = p[:i]
			}
			break
		}
	}
	return shown(p)
}

// Flush writes a last line that had no newline.
func (q *quietWriter) Flush() {
	if len(q.carry) > 0 {
		q.buf = append(q.buf, shown(q.carry)...)
		q.carry = nil
	}
	if len(q.buf) > 0 {
		q.w.Write(q.buf)
		q.buf = nil
	}
}

var quietPrefixes = [][]byte{
	[]byte("coach: wrote "), []byte("coach: created "), []byte("coach: kept "), []byte("coach: using "), []byte("coach: checked "),
	[]byte("coach: note: "), []byte("coach: warning: "),
}

func informational(line []byte) bool {
	for _, p := range quietPrefixes {
		if bytes.HasPrefix(line, p) {
			return true
		}
	}
	return bytes.HasPrefix(line, []byte("coach: ")) && bytes.HasSuffix(line, []byte(" is up to date\n")) ||
		bytes.Contains(line, []byte(": warning: ")) // a warning about a file, path:line:col: warning: ...
}
