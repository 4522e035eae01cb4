package plans

import (
	"slices"
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

func TestParseWeek(t *testing.T) {
	tests := []struct {
		in      string
		want    Week
		monday  string
		wantErr string
	}{
		{in: "2026-W48", want: Week{2026, 48}, monday: "2026-11-23"},
		{in: "2026-W01", want: Week{2026, 1}, monday: "2025-12-29"},
		{in: "2026-W53", want: Week{2026, 53}, monday: "2026-12-28"},
		{in: "2027-W01", want: Week{2027, 1}, monday: "2027-01-04"},
		{in: "2027-W53", wantErr: `week "2027-W53" does not exist: 2027 has weeks 01 to 52`},
		{in: "2026-W54", wantErr: `week "2026-W54" does not exist: 2026 has weeks 01 to 53`},
		{in: "2026-W00", wantErr: `week "2026-W00" does not exist: 2026 has weeks 01 to 53`},
		{in: "48", wantErr: `week "48" is not written as YYYY-Www, like 2026-W48`},
		{in: "2026-48", wantErr: `week "2026-48" is not written as YYYY-Www, like 2026-W48`},
		{in: "", wantErr: `week "" is not written as YYYY-Www, like 2026-W48`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			w, err := ParseWeek(tt.in)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if w != tt.want || date(w.Monday()) != tt.monday || w.String() != tt.in {
				t.Errorf("got %v (Monday %s), want %v (Monday %s)", w, date(w.Monday()), tt.want, tt.monday)
			}
			if got := WeekOf(w.Day(time.Sunday)); got != w {
				t.Errorf("WeekOf(its Sunday) = %v", got)
			}
		})
	}
}

func TestParseItems(t *testing.T) {
	src := `# Agenda

- [ ] open item
  - [x] done child
  - [ ] open child
- [x] done item
  - [ ] open under done
- [X] done, capital X
* [ ] star bullet
1. [ ] ordered
- [ ] carried (open since 2026-W45)
- not a task
- [ ]
- [ ] (action, owner, date)
- [x] (action, owner, date)
- [ ] a long item
  that wraps

> - [ ] in a quote

` + "```\n- [ ] in a code block\n```\n" + `
    - [ ] in an indented code block
`
	want := []Item{
		{Text: "open item", Children: []Item{{Text: "done child", Done: true}, {Text: "open child"}}},
		{Text: "done item", Done: true, Children: []Item{{Text: "open under done"}}},
		{Text: "done, capital X", Done: true},
		{Text: "star bullet"},
		{Text: "ordered"},
		{Text: "carried", Since: "2026-W45"},
		{Text: "a long item that wraps"},
	}
	if diff := cmp.Diff(want, ParseItems([]byte(src))); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	open, done := carry(ParseItems([]byte(src)), "2026-W47")
	wantOpen := []Item{
		{Text: "open item", Since: "2026-W47", Children: []Item{{Text: "open child", Since: "2026-W47"}}},
		{Text: "open under done", Since: "2026-W47"},
		{Text: "star bullet", Since: "2026-W47"},
		{Text: "ordered", Since: "2026-W47"},
		{Text: "carried", Since: "2026-W45"},
		{Text: "a long item that wraps", Since: "2026-W47"},
	}
	if diff := cmp.Diff(wantOpen, open); diff != "" {
		t.Errorf("open (-want +got):\n%s", diff)
	}
	wantDone := []Item{{Text: "done child", Done: true}, {Text: "done item", Done: true}, {Text: "done, capital X", Done: true}}
	if diff := cmp.Diff(wantDone, done); diff != "" {
		t.Errorf("done (-want +got):\n%s", diff)
	}
	// Anything parses: binary junk, an empty file, half a list.
	for _, junk := range []string{"", "\x00\xff\xfe", "- [", "- [ ", "> > - [ ] x", "```\n- [ ] unterminated"} {
		ParseItems([]byte(junk))
	}
}

// Over many weeks the focus follows the rotation (weeks_per_focus weeks
// each, in plan order) and no question repeats before the skill's bank has
// been used up.
func TestAgendaRotation(t *testing.T) {
	m := matrix(t)
	cfg := skills.DefaultConfig()
	p := &skills.Person{ID: "alice", Path: "skills/alice.toml", Name: "Alice", Role: "senior-pm", Levels: atBar(m, "senior-pm")}
	pl, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: []*skills.Person{p}})
	if err != nil {
		t.Fatal(err)
	}
	start, _ := ParseWeek("2026-W40")
	var skillsSeen []string
	asked := map[string][]string{}
	for i := range 30 {
		w := WeekOf(start.Monday().AddDate(0, 0, 7*i))
		a := BuildAgenda(AgendaInput{Plan: pl, Matrix: m, Config: cfg, Person: p, Week: w})
		skillsSeen = append(skillsSeen, a.Focus.ID)
		asked[a.Focus.ID] = append(asked[a.Focus.ID], a.Focus.Question)
	}
	// Runs of exactly weeks_per_focus weeks (the first may be cut short),
	// each the next focus skill in plan order.
	var order []string
	for _, f := range pl.Focus {
		order = append(order, f.ID)
	}
	var runs [][2]any // skill, length
	for _, id := range skillsSeen {
		if len(runs) > 0 && runs[len(runs)-1][0] == id {
			runs[len(runs)-1][1] = runs[len(runs)-1][1].(int) + 1
			continue
		}
		runs = append(runs, [2]any{id, 1})
	}
	for i, r := range runs {
		if i > 0 && i < len(runs)-1 && r[1] != cfg.Agenda.WeeksPerFocus {
			t.Errorf("run %d of %v lasted %v weeks, want %d: %v", i, r[0], r[1], cfg.Agenda.WeeksPerFocus, skillsSeen)
		}
		if i > 0 {
			prev := slices.Index(order, runs[i-1][0].(string))
			if want := order[(prev+1)%len(order)]; r[0] != want {
				t.Errorf("run %d is %v, want %s after %v", i, r[0], want, runs[i-1][0])
			}
		}
	}
	next := map[string]int{}
	for _, f := range pl.Focus {
		next[f.ID] = f.Next.Value
	}
	for id, qs := range asked {
		bank := questionBank(m.Skill(id), next[id], false)
		for i := range qs {
			// Within each pass through the bank, every question once.
			pass := qs[i-i%len(bank) : min(len(qs), i-i%len(bank)+len(bank))]
			seen := map[string]int{}
			for _, q := range pass {
				seen[q]++
				if seen[q] > 1 {
					t.Fatalf("%s: %q repeated before the bank of %d was used up: %v", id, q, len(bank), qs)
				}
			}
		}
		if len(qs) >= len(bank) {
			seen := map[string]bool{}
			for _, q := range qs[:len(bank)] {
				seen[q] = true
			}
			if len(seen) != len(bank) {
				t.Errorf("%s: the first %d weeks asked %d distinct questions", id, len(bank), len(seen))
			}
		}
	}
}

func TestAgendaWithoutFocus(t *testing.T) {
	m := matrix(t)
	p := &skills.Person{ID: "c", Path: "skills/c.toml", Name: "Chief", Role: "cpo", Levels: atBar(m, "cpo")}
	pl, _ := Build(Input{Matrix: m, Config: skills.DefaultConfig(), Person: p, Team: []*skills.Person{p}})
	w, _ := ParseWeek("2026-W48")
	a := BuildAgenda(AgendaInput{Plan: pl, Matrix: m, Config: skills.DefaultConfig(), Person: p, Week: w})
	if a.Focus != nil || !a.Leader || a.Date != "2026-11-24" {
		t.Errorf("focus %v leader %v date %s", a.Focus, a.Leader, a.Date)
	}
}
