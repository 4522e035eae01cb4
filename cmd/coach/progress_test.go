package main

import (
	"bytes"
	"io"
	"testing"
	"time"
)

// TestProgressQuiet: with --quiet, or off a terminal, no progress is drawn,
// and the history walk is given no callback to spend time on.
func TestProgressQuiet(t *testing.T) {
	var scr bytes.Buffer
	if f := startProgress(&report{out: &escaper{w: io.Discard}, term: &scr, quiet: true}, time.Now).History(); f != nil {
		t.Error("a callback with --quiet")
	}
	if f := startProgress(newReport(io.Discard), time.Now).History(); f != nil {
		t.Error("a callback for a stderr that is not a terminal")
	}
	p := startProgress(&report{out: &escaper{w: io.Discard}, term: &scr}, time.Now)
	if f := p.History(); f == nil {
		t.Error("no callback on a terminal without --quiet")
	}
	p.End()
}

// TestNoProgressOffTerminal runs long-ish commands with a stderr that is not
// a terminal: nothing but their own lines is printed.
func TestNoProgressOffTerminal(t *testing.T) {
	dir := teamRepo(t, 30)
	var stdout, stderr bytes.Buffer
	if code := runContext(t.Context(), []string{"coach", "-C", dir, "plan", "--all", "--stdout"}, &stdout, &stderr); code != 0 {
		t.Fatalf("plan --all exited %d: %s", code, stderr.String())
	}
	if stderr.Len() != 0 {
		t.Errorf("plan --all --stdout wrote to stderr: %q", stderr.String())
	}
}
