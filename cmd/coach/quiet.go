package main

import (
	"bytes"
	"io"
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
}

func (q *quietWriter) Write(p []byte) (int, error) {
	if !q.quiet && len(q.buf) == 0 {
		return q.w.Write(p)
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
	return len(p), nil
}

// Flush writes a last line that had no newline.
func (q *quietWriter) Flush() {
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
