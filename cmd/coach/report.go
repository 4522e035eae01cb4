package main

// Stderr rules: every message of a command reaches stderr through its
// *report, at a level. An error (and a finding, a hint, a stale plan's
// diff: what the user must act on) is always printed; --quiet drops the
// other levels: warnings, notes, and what was written (wrote, created,
// kept, up to date, checked). Everything printed has its control
// characters escaped (see shown): a message can quote a name, a path or a
// commit subject, and none of them may drive the terminal. Progress is
// drawn on the terminal apart from these (package progress).

import (
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/coach-dev/coach/skills"
)

// msgLevel is how much a message matters: --quiet keeps levelError alone.
type msgLevel int

const (
	levelError   msgLevel = iota // "coach: ...", always printed
	levelWarning                 // "coach: warning: ..."
	levelNote                    // "coach: note: ..."
	levelWrote                   // "coach: wrote ...", "coach: X is up to date", ...
)

// report is stderr for one run of coach.
type report struct {
	out   *escaper
	quiet bool
	// term is stderr when it is a terminal, where progress is drawn
	// (package progress); nil otherwise.
	term io.Writer
}

// newReport reports on stderr.
func newReport(stderr io.Writer) *report {
	return &report{out: &escaper{w: stderr}, term: terminal(stderr)}
}

// Write writes p as it is, at the error level: text --quiet keeps, such as
// the diff of a stale plan or an editor's own messages.
func (r *report) Write(p []byte) (int, error) { return r.out.Write(p) }

// say prints one message at level l, "coach: " and its level first.
func (r *report) say(l msgLevel, format string, a ...any) {
	if r.quiet && l != levelError {
		return
	}
	prefix := "coach: "
	switch l {
	case levelWarning:
		prefix += "warning: "
	case levelNote:
		prefix += "note: "
	}
	fmt.Fprintf(r.out, prefix+format+"\n", a...)
}

// Errorf says what went wrong, or what the user must know even with --quiet.
func (r *report) Errorf(format string, a ...any) { r.say(levelError, format, a...) }

// Warnf warns of something that did not stop the command.
func (r *report) Warnf(format string, a ...any) { r.say(levelWarning, format, a...) }

// Notef notes something worth knowing.
func (r *report) Notef(format string, a ...any) { r.say(levelNote, format, a...) }

// Wrotef says what was done to a file: written, created, kept, up to date.
func (r *report) Wrotef(format string, a ...any) { r.say(levelWrote, format, a...) }

// Problem prints a finding about a file, path:line:col: message; a
// warning is at the warning level.
func (r *report) Problem(p skills.Problem) {
	if r.quiet && p.Severity == skills.Warning {
		return
	}
	fmt.Fprintln(r.out, p)
}

// Flush writes what is held of a last line cut short.
func (r *report) Flush() { r.out.Flush() }

// escaper writes to w with control characters escaped (see shown). A
// character cut in two by the end of a write is kept until the next write
// completes it.
type escaper struct {
	w     io.Writer
	carry []byte // the start of a character the last write cut in two
}

func (e *escaper) Write(p []byte) (int, error) {
	n := len(p)
	if len(e.carry) > 0 {
		p = append(e.carry, p...)
		e.carry = nil
	}
	for i := len(p) - 1; i >= 0 && i >= len(p)-3; i-- {
		if utf8.RuneStart(p[i]) {
			if p[i] >= utf8.RuneSelf && !utf8.FullRune(p[i:]) {
				e.carry = append([]byte(nil), p[i:]...)
				p = p[:i]
			}
			break
		}
	}
	if _, err := e.w.Write(shown(p)); err != nil {
		return 0, err
	}
	return n, nil
}

// Flush writes the start of a character that no write completed.
func (e *escaper) Flush() {
	if len(e.carry) > 0 {
		e.w.Write(shown(e.carry))
		e.carry = nil
	}
}
