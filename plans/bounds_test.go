package plans

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

func TestCheckAgenda(t *testing.T) {
	deep := ": lists and quotes nest more than 32 levels deep, over coach's limit; flatten them: coach reads the action items of an agenda at most that deep"
	tests := []struct{ name, src, want string }{
		{"an agenda", "# 1:1\n\n- [ ] a\n  - [x] b\n> quote\n", ""},
		{"32 quotes", strings.Repeat("> ", 31) + "- [ ] x\n", ""},
		{"33 quotes", "ok\n" + strings.Repeat("> ", 32) + "- [ ] x\n", "a.md:2:1" + deep},
		{"lists on one line", strings.Repeat("- ", 40) + "[ ] x\n", "a.md:1:1" + deep},
		{"ordered lists", strings.Repeat("1. ", 40) + "x\n", "a.md:1:1" + deep},
		{"nested by indentation", func() string {
			var b strings.Builder
			for i := range 40 {
				b.WriteString(strings.Repeat("  ", i) + "- [ ] x\n")
			}
			return b.String()
		}(), "a.md:33:1" + deep},
		{"indented text is not nesting", strings.Repeat(" ", 200) + "code\n", ""},
		{"a thematic break is not a list", strings.Repeat("- - ", 5) + "\n" + strings.Repeat("*", 100) + "\n", ""},
		{"over the size", strings.Repeat("x", skills.MaxAgendaSize+1),
			"a.md: the file is 1048577 bytes, over coach's limit of 1 MiB for an agenda; coach does not read it: remove what made it grow (git log -p a.md shows what did)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if p := CheckAgenda("a.md", []byte(tt.src)); p != nil {
				got = p.String()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Error(diff)
			}
		})
	}
}

// ReadAgenda runs no inline parser but the checkbox's: an item's text is
// its source as written, links, emphasis, code and HTML included, and only
// a checkbox that starts a list item outside quotes, code and HTML makes an
// item.
func TestReadAgendaItemsRules(t *testing.T) {
	tests := []struct {
		name, src string
		want      []Item
	}{
		{"a link and inline HTML", "- [ ] [link](x) <b>html</b>\n", []Item{{Text: "[link](x) <b>html</b>"}}},
		{"emphasis and a reference link", "- [ ] *a* [b][c]\n\n[c]: http://example.com\n", []Item{{Text: "*a* [b][c]"}}},
		{"a checkbox in a code span is text", "* [ ] `[ ]` \\[x]\n", []Item{{Text: "`[ ]` \\[x]"}}},
		{"ordered lists of both kinds", "1. [ ] one\n2) [X] two\n", []Item{{Text: "one"}, {Text: "two", Done: true}}},
		{"a code span is not a checkbox", "- `[ ]` x\n", nil},
		{"an escaped bracket is not a checkbox", "- \\[ ] x\n", nil},
		{"a checkbox in an HTML block", "<div>\n- [ ] x\n</div>\n", nil},
		{"a checkbox in a quote", "> - [ ] quoted\n", nil},
		{"a checkbox in fenced code", "```\n- [ ] code\n```\n", nil},
		{"blank items", "- [ ]\n- [ ] \n- [ ] (action, owner, date)\n", nil},
		{"open since and raised in", "- [ ] a (open since 2026-W40)\n- [ ] b (raised in 2026-W41, not discussed yet)\n",
			[]Item{{Text: "a", Since: "2026-W40"}, {Text: "b", Since: "2026-W41"}}},
		{"nested under a plain item", "- plain\n  - [ ] child\n", []Item{{Text: "child"}}},
		{"your topics are not action items", "## Your topics\n\n- [ ] mine\n\n## Actions\n\n- [ ] act\n", []Item{{Text: "act"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, ReadAgenda(Week{}, []byte(tt.src)).Items); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Reading an agenda back must take bounded time and memory: CheckAgenda
// refuses what is over the limits before any parser runs, cheaply, and
// what it accepts parses without a panic.
func FuzzReadAgenda(f *testing.F) {
	f.Add([]byte("- [ ] a (open since 2026-W40)\n  - [x] b\n\n> - [ ] quoted\n\n```\n- [ ] code\n```\n"))
	f.Add([]byte("1. [ ] one\n2) [X] two\n* [ ] `[ ]` \\[x]\n- [ ] [link](x) <b>html</b>\n"))
	f.Add([]byte("- [ ]\n- [ ] *a* [b][c]\n\n[c]: http://example.com\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if p := CheckAgenda("a.md", src); p == nil && len(src) < 4096 {
			ReadAgenda(Week{}, src) // must not panic
		}
		if len(src) == 0 {
			src = []byte("x")
		}
		big := bytes.Repeat(src, skills.MaxAgendaSize/len(src)+1)
		deep := append([]byte(strings.Repeat("> ", skills.MaxDepth+1)), src...)
		for _, in := range [][]byte{big, deep} {
			var p *skills.Problem
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			p = CheckAgenda("a.md", in)
			runtime.ReadMemStats(&after)
			if p == nil {
				t.Fatalf("%q... was not refused", in[:min(len(in), 40)])
			}
			if n := after.TotalAlloc - before.TotalAlloc; n > 16<<10 {
				t.Fatalf("allocated %d bytes to refuse %d bytes", n, len(in))
			}
		}
	})
}

// Whether a person leads people comes from the matrix (leads = true on a
// role), not from a persona id: the built-in matrix keeps its leaders, and
// a matrix of its own decides for itself.
func TestIsLeader(t *testing.T) {
	m, err := skills.DefaultMatrix()
	if err != nil {
		t.Fatal(err)
	}
	var leaders []string
	for _, r := range m.Roles {
		if isLeader(m, r.ID) {
			leaders = append(leaders, r.ID)
		}
	}
	if diff := cmp.Diff([]string{"gpm", "director", "vp", "cpo"}, leaders); diff != "" {
		t.Errorf("built-in leaders (-want +got):\n%s", diff)
	}
	own := &skills.Matrix{Roles: []skills.Role{
		{ID: "ic", Emphasis: map[string]float64{"people-manager": 2}},
		{ID: "lead", Leads: true},
	}}
	tests := []struct {
		role string
		want bool
	}{
		{"ic", false}, // a People Manager weight alone does not make a leader
		{"lead", true},
		{"unknown", false},
	}
	for _, tt := range tests {
		if got := isLeader(own, tt.role); got != tt.want {
			t.Errorf("isLeader(%q) = %v, want %v", tt.role, got, tt.want)
		}
	}
}
