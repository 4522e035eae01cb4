package plans

import (
	"fmt"
	"strings"
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

func TestReadAgendaItems(t *testing.T) {
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
	if diff := cmp.Diff(want, ReadAgenda(Week{}, []byte(src)).Items); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	open, done := carry(ReadAgenda(Week{}, []byte(src)).Items, "2026-W47")
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
		ReadAgenda(Week{}, []byte(junk))
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

// written is an agenda as it comes back from a 1:1: the carried items and
// topics ticked or not, new action items and topics added, blank items left
// blank. It is Markdown, so the next agenda reads it as coach would.
func written(a *Agenda, tick func(text string) bool, newItems, newTopics []string) []byte {
	var b strings.Builder
	box := func(done bool) string {
		if done {
			return "[x]"
		}
		return "[ ]"
	}
	fmt.Fprintf(&b, "# 1:1, %s\n\n## Follow-up from last time\n\nAction items still open:\n\n", a.Week)
	for _, it := range a.Open {
		fmt.Fprintf(&b, "- %s %s (open since %s)\n", box(tick(string(it.Text))), it.Text, it.Since)
	}
	b.WriteString("\n## Your topics\n\n")
	for _, it := range a.Topics {
		fmt.Fprintf(&b, "- %s %s (raised in %s, not discussed yet)\n", box(tick(string(it.Text))), it.Text, it.Since)
	}
	for _, t := range newTopics {
		fmt.Fprintf(&b, "- %s %s\n", box(tick(t)), t)
	}
	b.WriteString("- [ ]\n\n## Focus of the week\n\n")
	if a.Focus != nil && a.Focus.Action != nil {
		fmt.Fprintf(&b, "- Try this week: %s\n", a.Focus.Action.Text)
	}
	b.WriteString("\n## Action items\n\n")
	for _, t := range newItems {
		fmt.Fprintf(&b, "- %s %s\n", box(tick(t)), t)
	}
	b.WriteString("- [ ]\n- [ ]\n")
	return []byte(b.String())
}

// TestAgendaSequence runs eight agendas each for two people whose first
// agendas fall in different weeks, one of whom skips a week: each rotation
// starts at the person's top focus and advances by their own agendas; each
// agenda follows up last time's "try this", carries what was left unticked
// (items and the PM's topics) and lists as done only what was ticked.
func TestAgendaSequence(t *testing.T) {
	m := matrix(t)
	cfg := skills.DefaultConfig()
	alice := &skills.Person{ID: "alice", Path: "skills/alice.toml", Name: "Alice Example", Role: "senior-pm",
		Assessed: day("2026-10-27"), PlanStart: day("2026-05-04"), Levels: atBar(m, "senior-pm")}
	ben := &skills.Person{ID: "ben", Path: "skills/ben.toml", Name: "Ben Okoro", Role: "pm",
		Assessed: day("2026-10-27"), PlanStart: day("2026-05-04"), Levels: with(atBar(m, "pm"), map[string]int{"negotiation": 1})}
	weeks := map[string][]string{
		"alice": {"2026-W45", "2026-W46", "2026-W47", "2026-W48", "2026-W49", "2026-W50", "2026-W51", "2026-W52"},
		"ben":   {"2026-W47", "2026-W48", "2026-W49", "2026-W51", "2026-W52", "2026-W53", "2027-W01", "2027-W02"},
	}
	for _, p := range []*skills.Person{alice, ben} {
		pl, err := Build(Input{Matrix: m, Config: cfg, Person: p, Team: []*skills.Person{alice, ben}})
		if err != nil {
			t.Fatal(err)
		}
		var prev *PreviousAgenda
		var last *Agenda
		var tries []string
		for k, ws := range weeks[p.ID] {
			w, _ := ParseWeek(ws)
			a := BuildAgenda(AgendaInput{Plan: pl, Matrix: m, Config: cfg, Person: p, Week: w, Previous: prev})
			// The rotation: two agendas on each focus skill, in plan order,
			// from the top focus on the first agenda, whatever its week;
			// a skill below the person's own bar (Ben's negotiation) holds
			// the week until the file changes (see TestWeekTurn).
			turn := weekTurn(pl.Focus, p.Goals, w.Day(cfg.Agenda.WeekdayValue()))
			if want := pl.Focus[turn[(k/2)%len(turn)]].ID; a.Focus == nil || a.Focus.ID != want || a.Number != k+1 {
				t.Fatalf("%s %s: agenda %d on %v, want number %d on %s", p.ID, ws, a.Number, a.Focus, k+1, want)
			}
			if k == 0 {
				if a.FollowUp != nil || len(a.Open) != 0 || !a.FirstAgenda {
					t.Errorf("%s: the first agenda follows up %+v, carries %+v", p.ID, a.FollowUp, a.Open)
				}
			} else {
				if a.FollowUp == nil || a.FollowUp.Text != ShortTry(tries[k-1]) || a.FollowUp.Week != last.Week {
					t.Errorf("%s %s: follow-up %+v, want %q from %s", p.ID, ws, a.FollowUp, tries[k-1], last.Week)
				}
				// What was written last time: item N-1 of the previous
				// agenda ticked when N-1 is even; topics ticked when odd.
				var wantOpen, wantDone, wantTopics []string
				for _, it := range last.Open {
					if !ticked(string(it.Text)) {
						wantOpen = append(wantOpen, string(it.Text)+" since "+it.Since)
					} else {
						wantDone = append(wantDone, string(it.Text))
					}
				}
				item := fmt.Sprintf("item %d", k-1)
				if ticked(item) {
					wantDone = append(wantDone, item)
				} else {
					wantOpen = append(wantOpen, item+" since "+last.Week)
				}
				for _, it := range last.Topics {
					if !ticked(string(it.Text)) {
						wantTopics = append(wantTopics, string(it.Text)+" since "+it.Since)
					}
				}
				if topic := fmt.Sprintf("topic %d", k-1); !ticked(topic) {
					wantTopics = append(wantTopics, topic+" since "+last.Week)
				}
				if diff := cmp.Diff(wantOpen, since(a.Open)); diff != "" {
					t.Errorf("%s %s: open items (-want +got):\n%s", p.ID, ws, diff)
				}
				var done []string
				for _, it := range a.Done {
					done = append(done, string(it.Text))
				}
				if diff := cmp.Diff(wantDone, done); diff != "" {
					t.Errorf("%s %s: done (-want +got); a blank item is never done:\n%s", p.ID, ws, diff)
				}
				if diff := cmp.Diff(wantTopics, since(a.Topics)); diff != "" {
					t.Errorf("%s %s: topics (-want +got):\n%s", p.ID, ws, diff)
				}
			}
			// A career conversation on the person's first 1:1 of a month, by
			// their own agendas (the calendar decides only the first); the
			// plan's review falls after these weeks.
			d := day(a.Date)
			wantCareer := k == 0 && d.Day() <= 7
			if k > 0 {
				wantCareer = day(last.Date).Month() != d.Month()
			}
			if (a.Career != nil) != wantCareer || a.Quarterly != nil {
				t.Errorf("%s %s (%s): career %v, review %v", p.ID, ws, a.Date, a.Career != nil, a.Quarterly != nil)
			}
			try := ""
			if a.Focus.Action != nil {
				try = a.Focus.Action.Text
			}
			tries = append(tries, try)
			src := written(a, ticked, []string{fmt.Sprintf("item %d", k)}, []string{fmt.Sprintf("topic %d", k)})
			prev = ReadAgenda(w, src)
			prev.Count = k + 1
			last = a
		}
	}
}

// ticked decides what the simulated 1:1 ticks: even items, odd topics.
func ticked(text string) bool {
	var n int
	if _, err := fmt.Sscanf(text, "item %d", &n); err == nil {
		return n%2 == 0
	}
	if _, err := fmt.Sscanf(text, "topic %d", &n); err == nil {
		return n%2 == 1
	}
	return false
}

func since(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, string(it.Text)+" since "+it.Since)
	}
	return out
}

func TestReadAgenda(t *testing.T) {
	src := `# 1:1

## Your topics

- [x] covered topic
- [ ] waiting topic (raised in 2026-W45, not discussed yet)
- [ ]

## Focus of the week

- Try this week: Offer two options, not one.

## Action items

- [x] done item
- [ ] open item (open since 2026-W44)
- [ ]
`
	w, _ := ParseWeek("2026-W46")
	got := ReadAgenda(w, []byte(src))
	want := &PreviousAgenda{Week: w, Count: 1, TryThis: "Offer two options, not one.",
		Topics: []Item{{Text: "covered topic", Done: true}, {Text: "waiting topic", Since: "2026-W45"}},
		Items:  []Item{{Text: "done item", Done: true}, {Text: "open item", Since: "2026-W44"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ReadAgenda (-want +got):\n%s", diff)
	}
}
