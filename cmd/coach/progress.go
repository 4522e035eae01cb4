package main

import (
	"io"
	"os"
	"time"

	"github.com/coach-dev/coach/internal/progress"
	"golang.org/x/term"
)

// terminal returns w when it is a terminal, where progress may be drawn,
// and nil otherwise.
func terminal(w io.Writer) io.Writer {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return f
	}
	return nil
}

// newProgress starts timing a command whose progress is shown on stderr,
// when stderr is a terminal and --quiet is not set (see package progress).
func newProgress(stderr *report) *progress.Bar { return startProgress(stderr, time.Now) }

// startProgress is newProgress with a clock.
func startProgress(stderr *report, now func() time.Time) *progress.Bar {
	var out io.Writer
	if !stderr.quiet {
		out = stderr.term
	}
	return progress.New(out, now)
}
