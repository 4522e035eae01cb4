// Package progress shows a command's long work on the terminal.
//
// Rules: a command that runs longer than about a second
// (Delay, counted from the start of the command) shows how its long
// work is going on stderr, but only when stderr is a terminal and --quiet is
// not set; on a pipe, in a file or a CI log nothing extra is printed. The bar
// is drawn by github.com/schollz/progressbar (a line redrawn after a carriage
// return: no colour, no escape sequences) and cleared when the work ends,
// before the command writes anything else, so the lines before and after it
// read as if it had never been there.
package progress

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/coach-dev/coach/history"
	"github.com/schollz/progressbar/v3"
)

// Delay is how long a command runs before its progress is shown.
const Delay = time.Second

// Bar shows a command's long work, one piece at a time: reading the
// history, then building the plans. Its methods may be called from any
// goroutine.
type Bar struct {
	out   io.Writer // the terminal; nil: show nothing
	start time.Time
	now   func() time.Time

	mu   sync.Mutex
	bar  *progressbar.ProgressBar
	gate *gate
	desc string
	max  int
}

// New starts timing a command whose progress is drawn on term, a
// terminal; nil draws nothing.
func New(term io.Writer, now func() time.Time) *Bar {
	return &Bar{out: term, start: now(), now: now}
}

// Begin starts a piece of work of total units (0: not known), ending the
// one before. Its bar counts from now, so that its rate and estimate are
// right, but shows nothing before Delay has passed.
func (p *Bar) Begin(desc, units string, total int) {
	if p == nil || p.out == nil {
		return
	}
	p.End()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.desc, p.max = desc, barMax(0, total)
	p.gate = &gate{w: p.out, at: p.start.Add(Delay), now: p.now}
	p.bar = progressbar.NewOptions(p.max,
		progressbar.OptionSetWriter(p.gate),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(units),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		// The bar's writer is not the terminal's *os.File, so the
		// library sizes the line for 80 columns.
		progressbar.OptionFullWidth(),
	)
	p.bar.StartWithoutRender()
}

// update says how far the work has come: n units of total (0: not known),
// and what it is.
func (p *Bar) update(desc string, n, total int) {
	if p == nil || p.out == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar == nil {
		return
	}
	if desc != p.desc {
		p.desc = desc
		p.bar.Describe(desc)
	}
	if m := barMax(n, total); m != p.max {
		p.max = m
		p.bar.ChangeMax(m)
	}
	_ = p.bar.Set(n)
}

// Add counts n more units of work done.
func (p *Bar) Add(n int) {
	if p == nil || p.out == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Add(n)
	}
}

// End clears the bar of the piece of work in hand, if it was drawn. It may
// be called more than once, and must be called when the work ends, however
// it ends: a bar of unknown length is redrawn from a goroutine of its own
// until then.
func (p *Bar) End() {
	if p == nil || p.out == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar == nil {
		return
	}
	p.gate.closeUnlessShown()
	_ = p.bar.Finish()
	p.bar, p.gate = nil, nil
}

// History begins reading the history and returns the walk's callback; nil
// when nothing is shown, and the walk then spends nothing on it. end must
// be called after the walk, whatever its outcome.
func (p *Bar) History() func(history.Progress) {
	if p == nil || p.out == nil {
		return nil
	}
	p.Begin("reading history", "commits", 0)
	return func(h history.Progress) {
		if h.Done {
			p.End()
			return
		}
		desc := "reading history"
		if h.People > 0 {
			desc = fmt.Sprintf("history of %d people", h.People)
		}
		p.update(desc, h.Commits, h.Estimate)
	}
}

// barMax is the bar's maximum for n units done of total: -1, a bar of
// unknown length, when the total is not known or n is past it already.
func barMax(n, total int) int {
	if total <= 0 || n > total {
		return -1
	}
	return total
}

// gate passes the bar's writes to the terminal once the delay has passed,
// and drops those before.
type gate struct {
	w   io.Writer
	at  time.Time
	now func() time.Time

	mu     sync.Mutex
	shown  bool // something was written to w
	closed bool // nothing more is
}

func (g *gate) Write(b []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed || g.now().Before(g.at) {
		return len(b), nil
	}
	g.shown = true
	return g.w.Write(b)
}

// closeUnlessShown drops every later write when nothing was written yet:
// a bar never seen needs no clearing.
func (g *gate) closeUnlessShown() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.shown {
		g.closed = true
	}
}
