package plans

import (
	"strings"
	"testing"
	"time"

	"github.com/coach-dev/coach/skills"
	"github.com/google/go-cmp/cmp"
)

func TestTodayOf(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		name   string
		person skills.Person
		want   Today
	}{
		{"assessed wins", skills.Person{Assessed: day("2026-11-10"), Evidence: []skills.Evidence{{Date: day("2026-12-01")}}},
			Today{Date: "2026-11-10", Source: "assessed", day: day("2026-11-10")}},
		{"else the latest evidence", skills.Person{Evidence: []skills.Evidence{{Date: day("2026-12-01")}, {Date: day("2026-10-01")}}},
			Today{Date: "2026-12-01", Source: "evidence", day: day("2026-12-01")}},
		{"nothing dated", skills.Person{Goals: []skills.Goal{{Text: "g", Due: day("2027-01-01")}}}, Today{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TodayOf(&tt.person); got != tt.want {
				t.Errorf("TodayOf = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestCommitted(t *testing.T) {
	history := []skills.Change{
		{Commit: "older", Date: time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC), Kind: skills.KindLevel, Skill: "negotiation", From: "1", To: "2"},
		{Commit: "newest", Date: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC), Kind: skills.KindLevel, Skill: "negotiation", From: "2", To: "3"},
		{Commit: "newest", Date: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC), Kind: skills.KindEvidence, Skill: "negotiation", Text: "e"},
	}
	file := []byte("name = \"A\"\nrole = \"pm\"\n")
	crlf := []byte("name = \"A\"\r\nrole = \"pm\"\r\n")
	tests := []struct {
		name          string
		current, head []byte
		want          []string
	}{
		{"the file is the version committed at HEAD: its newest commit is its latest change", file, file, []string{"older"}},
		{"a CRLF checkout is the same version", crlf, file, []string{"older"}},
		{"an uncommitted change is the latest: all the commits come before it", []byte("name = \"B\"\n"), file, []string{"older", "newest", "newest"}},
		{"HEAD has no such file", file, nil, []string{"older", "newest", "newest"}},
		{"the latest commit changed nothing history lists: nothing is left out", file, file, []string{"older", "newest", "newest"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			latest := "newest"
			if strings.HasPrefix(tt.name, "the latest commit changed nothing") {
				latest = "dated-only"
			}
			for _, c := range Committed(history, tt.current, tt.head, latest) {
				got = append(got, c.Commit)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("commits kept (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCommittedSharesNewestFirst: a history newest first, as coach reads
// it, loses its leading latest commit without a copy of the rest.
func TestCommittedSharesNewestFirst(t *testing.T) {
	history := []skills.Change{
		{Commit: "newest", Kind: skills.KindLevel, Skill: "negotiation", From: "2", To: "3"},
		{Commit: "newest", Kind: skills.KindEvidence, Skill: "negotiation", Text: "e"},
		{Commit: "older", Kind: skills.KindLevel, Skill: "negotiation", From: "1", To: "2"},
	}
	file := []byte("name = \"A\"\n")
	got := Committed(history, file, file, "newest")
	if len(got) != 1 || got[0].Commit != "older" || &got[0] != &history[2] {
		t.Errorf("Committed = %v, want history[2:] itself", got)
	}
}

// TestProgressStart checks where a plan period's starting point comes
// from, one rule a case.
func TestProgressStart(t *testing.T) {
	m := matrix(t)
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	level := func(commit string, at time.Time, skill string, from, to string) skills.Change {
		return skills.Change{Commit: commit, Date: at, Kind: skills.KindLevel, Skill: skill, From: from, To: to}
	}
	now := map[string]int{"negotiation": 3}
	tests := []struct {
		name    string
		start   string // plan_start, "" for none
		today   string // assessed
		history []skills.Change
		want    Progress
	}{
		{
			name: "no plan period", today: "2026-11-10",
			history: []skills.Change{level("a", day("2026-05-01"), "negotiation", "", "1")},
			want:    Progress{},
		},
		{
			name: "the period has not started", start: "2026-12-01", today: "2026-11-10",
			history: []skills.Change{level("a", day("2026-05-01"), "negotiation", "", "1")},
			want:    Progress{Since: "2026-12-01"},
		},
		{
			name: "the last version before the period", start: "2026-09-01", today: "2026-11-10",
			history: []skills.Change{
				level("a", day("2026-05-01"), "negotiation", "", "1"),
				level("b", day("2026-08-31"), "negotiation", "1", "2"),
				level("c", day("2026-10-01"), "negotiation", "2", "3"),
			},
			want: Progress{Since: "2026-09-01", Started: true, Known: true, Start: "2026-08-31",
				Moves: []Move{{SkillRef: SkillRef{"negotiation", "Negotiation and trade-offs"}, From: 2, FromName: "Practising", To: 3, ToName: "Proficient", NoEvidence: true}}},
		},
		{
			name: "a commit on the first day is in the period, in its author's time zone", start: "2026-09-01", today: "2026-11-10",
			history: []skills.Change{
				level("a", day("2026-05-01"), "negotiation", "", "1"),
				level("b", time.Date(2026, 9, 1, 0, 15, 0, 0, time.FixedZone("+13", 13*3600)), "negotiation", "1", "3"),
			},
			want: Progress{Since: "2026-09-01", Started: true, Known: true, Start: "2026-05-01",
				Moves: []Move{{SkillRef: SkillRef{"negotiation", "Negotiation and trade-offs"}, From: 1, FromName: "Aware", To: 3, ToName: "Proficient", NoEvidence: true}}},
		},
		{
			name: "a file newer than the period starts at its first version", start: "2026-09-01", today: "2026-11-10",
			history: []skills.Change{
				level("a", day("2026-09-01"), "negotiation", "", "2"),
				level("b", day("2026-10-01"), "negotiation", "2", "3"),
			},
			want: Progress{Since: "2026-09-01", Started: true, Known: true, Start: "2026-09-01",
				Moves: []Move{{SkillRef: SkillRef{"negotiation", "Negotiation and trade-offs"}, From: 2, FromName: "Practising", To: 3, ToName: "Proficient", NoEvidence: true}}},
		},
		{
			// A pull request that adds the file in one commit and fixes it in
			// another is the same plan squashed or not.
			name: "a first version committed on the assessment day is not a starting point yet", start: "2026-11-10", today: "2026-11-10",
			history: []skills.Change{level("a", day("2026-11-10"), "negotiation", "", "2")},
			want:    Progress{Since: "2026-11-10", Started: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &skills.Person{ID: "a", Role: "pm", Levels: now, Assessed: day(tt.today)}
			if tt.start != "" {
				p.PlanStart = day(tt.start)
			}
			got := progress(m, p, tt.history, p.Assessed, nil, nil)
			want := tt.want
			want.Moves, want.Roles, want.Evidence, want.Goals = nonNil(want.Moves), nonNil(want.Roles), nonNil(want.Evidence), nonNil(want.Goals)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("progress (-want +got):\n%s", diff)
			}
		})
	}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
