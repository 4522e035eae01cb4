package progress

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coach-dev/coach/history"
)

// screen is a terminal for tests: what was drawn on it. A bar of unknown
// length draws from a goroutine of its own.
type screen struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// clock is a time that tests move on.
type clock struct{ ns atomic.Int64 }

func (c *clock) now() time.Time          { return time.Unix(0, c.ns.Load()) }
func (c *clock) advance(d time.Duration) { c.ns.Add(int64(d)) }

// cleared matches the end of a bar that was drawn and then cleared: the
// line overwritten with spaces and the cursor back at its start.
var cleared = regexp.MustCompile(`\r +\r$`)

// TestProgress checks when progress is drawn: on a terminal, without
// --quiet, once the command has run for Delay; and that it is
// cleared when the work ends.
func TestProgress(t *testing.T) {
	tests := []struct {
		name     string
		terminal bool
		after    time.Duration // how long the command has run when the work reports
		total    int           // 0: a bar of unknown length
		want     bool          // drawn
	}{
		{name: "terminal, after the delay", terminal: true, after: 2 * time.Second, total: 40, want: true},
		{name: "terminal, unknown length", terminal: true, after: 2 * time.Second, want: true},
		{name: "terminal, before the delay", terminal: true, after: Delay / 2, total: 40},
		{name: "terminal, unknown length, before the delay", terminal: true, after: Delay / 2},
		{name: "not a terminal", after: 2 * time.Second, total: 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var scr screen
			var term io.Writer
			if tt.terminal {
				term = &scr
			}
			var c clock
			p := New(term, c.now)
			p.Begin("building plans", "plans", tt.total)
			c.advance(tt.after)
			for range 40 {
				p.Add(1)
			}
			p.End()
			p.End() // a second end changes nothing
			got := scr.String()
			if drawn := got != ""; drawn != tt.want {
				t.Fatalf("drawn = %v, want %v; the screen has %q", drawn, tt.want, got)
			}
			if tt.want && (!strings.Contains(got, "building plans") || !cleared.MatchString(got)) {
				t.Errorf("the bar was not drawn and then cleared: %q", got)
			}
		})
	}
}

// TestProgressHistory checks the history walk's callback: none at all when
// nothing is shown, so that the walk spends nothing on it, and the bar
// cleared by the walk's last report.
func TestProgressHistory(t *testing.T) {
	var c clock
	if f := New(nil, c.now).History(); f != nil {
		t.Error("a callback for a stderr that is not a terminal")
	}
	var scr screen
	p := New(&scr, c.now)
	f := p.History()
	c.advance(2 * time.Second)
	f(history.Progress{Commits: 2048, Estimate: 10000, People: 500})
	f(history.Progress{Commits: 12000, Estimate: 10000, People: 500}) // past the estimate
	f(history.Progress{Commits: 12288, Estimate: 12288, People: 500, Done: true})
	got := scr.String()
	// The library draws at most every 100ms: what it drew of these quick
	// reports is the first, with its description.
	if !strings.Contains(got, "history of 500 people") {
		t.Errorf("the walk's progress was not drawn: %q", got)
	}
	if !cleared.MatchString(got) {
		t.Errorf("the bar was not cleared at the end: %q", got)
	}
	p.End()
	if again := scr.String(); again != got {
		t.Errorf("end after the walk's last report drew %q", again[len(got):])
	}
}
