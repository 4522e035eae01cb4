package cycle_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/coach-dev/coach/internal/cycle"
	"github.com/coach-dev/coach/plans"
	"github.com/google/go-cmp/cmp"
)

// TestReviewPeriodWithRebaseline: a quarter holding a new manager's
// re-baseline and a level moved after it. The re-baseline is said as one
// (not as seven levels of growth), the move after it is a move with the
// evidence behind it and its commit, and the moves before the quarter (the
// merged branch's) are not in it.
func TestReviewPeriodWithRebaseline(t *testing.T) {
	repo, p, own := danaHistory(t)
	pl, err := plans.Build(plans.Input{Matrix: repo.Matrix, Config: repo.Config, Person: p, Team: repo.People, History: own})
	if err != nil {
		t.Fatal(err)
	}
	q2, err := cycle.QuarterPeriod("2026-Q2")
	if err != nil {
		t.Fatal(err)
	}
	r, err := cycle.BuildReview(cycle.ReviewInput{Matrix: repo.Matrix, Config: repo.Config, Period: q2, Person: p, Current: true,
		Plan: pl, History: own})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Baselines) != 1 || r.Baselines[0].Date != "2026-05-04" || r.Baselines[0].Author != "Lee Park" || r.Baselines[0].Moved != 7 {
		t.Errorf("baselines = %+v, want the re-baseline of 2026-05-04 by Lee Park, 7 levels", r.Baselines)
	}
	var moved []string
	for _, m := range r.Moved {
		moved = append(moved, m.Skill.ID+" "+m.Date)
	}
	if diff := cmp.Diff([]string{"communication 2026-06-01"}, moved); diff != "" {
		t.Errorf("moved (-want +got):\n%s", diff)
	}
	if len(r.Moved) == 1 {
		m := r.Moved[0]
		if m.From != 2 || m.To != 3 || len(m.Commit) != 7 || len(m.Evidence) != 1 || m.Evidence[0].Date != "2026-05-28" {
			t.Errorf("move = %+v, want 2 -> 3 with its commit and the evidence of 2026-05-28", m)
		}
	}
	if len(r.Events) != 2 || r.Events[0].Baseline == nil || r.Events[1].Baseline != nil {
		t.Errorf("events = %+v, want the re-baseline, then the move", r.Events)
	}
	// The quarter before holds the merged branch's move, from its own
	// commit's date, and no baseline.
	q1, _ := cycle.QuarterPeriod("2026-Q1")
	r, err = cycle.BuildReview(cycle.ReviewInput{Matrix: repo.Matrix, Config: repo.Config, Period: q1, Person: p, Plan: pl, History: own})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Moved) != 1 || r.Moved[0].Skill.ID != "negotiation" || r.Moved[0].Date != "2026-03-02" || len(r.Baselines) != 1 || r.Baselines[0].Kind != "first" {
		t.Errorf("2026-Q1: moved %+v, baselines %+v; want negotiation on 2026-03-02 and the first assessment", r.Moved, r.Baselines)
	}
}

func stamped(t *testing.T, body string) []byte {
	t.Helper()
	out, err := cycle.Stamp([]byte(body), "skills/dana.toml", "2026-Q2")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestMergeNeverOverwrites is the contract of a written review: what the
// manager wrote between the marks survives a regeneration of the rest; an
// edit outside them is never replaced without force, and with force the
// marked sections are still kept; a file coach did not write is never
// replaced; a section the new review lacks is not dropped without force.
func TestMergeNeverOverwrites(t *testing.T) {
	const v1 = "# Review\n\nLevels: 3\n\n<!-- coach:manager summary -->\n<!-- /coach:manager -->\n\n## Next\n\n<!-- coach:manager next -->\n<!-- /coach:manager -->\n"
	const v2 = "# Review\n\nLevels: 4\n\n<!-- coach:manager summary -->\n<!-- /coach:manager -->\n\n## Next\n\n<!-- coach:manager next -->\n<!-- /coach:manager -->\n"
	old := stamped(t, v1)
	written := bytes.Replace(old, []byte("<!-- coach:manager summary -->\n"), []byte("<!-- coach:manager summary -->\nA strong quarter.\n\nTwo paragraphs.\n"), 1)

	got, outcome, kept, err := cycle.Merge(written, stamped(t, v2), false)
	if err != nil || outcome != cycle.Merged {
		t.Fatalf("Merge: %v, %v", outcome, err)
	}
	want := bytes.Replace(stamped(t, v2), []byte("<!-- coach:manager summary -->\n"), []byte("<!-- coach:manager summary -->\nA strong quarter.\n\nTwo paragraphs.\n"), 1)
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("merged (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"summary"}, kept.Sections); diff != "" {
		t.Errorf("kept (-want +got):\n%s", diff)
	}
	// What Merge wrote merges again into the same bytes.
	if again, _, _, _ := cycle.Merge(got, stamped(t, v2), false); !bytes.Equal(again, got) {
		t.Errorf("a second merge changed the review:\n%s", again)
	}

	edited := bytes.Replace(written, []byte("Levels: 3"), []byte("Levels: 3 (I disagree)"), 1)
	if got, outcome, _, err := cycle.Merge(edited, stamped(t, v2), false); err != nil || outcome != cycle.HandEdited || got != nil {
		t.Errorf("hand-edited without force: %v %v %q, want refused", outcome, err, got)
	}
	got, outcome, _, err = cycle.Merge(edited, stamped(t, v2), true)
	if err != nil || outcome != cycle.Merged || !bytes.Contains(got, []byte("A strong quarter.")) || bytes.Contains(got, []byte("disagree")) {
		t.Errorf("hand-edited with force: %v %v\n%s", outcome, err, got)
	}

	if _, outcome, _, _ := cycle.Merge([]byte("# My own notes\n"), stamped(t, v2), true); outcome != cycle.NotCoach {
		t.Errorf("a file coach did not write: %v, want NotCoach even with force", outcome)
	}

	noNext := "# Review\n\nLevels: 4\n\n<!-- coach:manager summary -->\n<!-- /coach:manager -->\n"
	withNext := bytes.Replace(old, []byte("<!-- coach:manager next -->\n"), []byte("<!-- coach:manager next -->\nWe agreed on the renewal.\n"), 1)
	if _, outcome, kept, _ := cycle.Merge(withNext, stamped(t, noNext), false); outcome != cycle.Orphaned || !cmp.Equal(kept.Dropped, []string{"next"}) {
		t.Errorf("a written section the review lost: %v %v, want Orphaned naming next", outcome, kept)
	}
	if got, outcome, kept, _ := cycle.Merge(withNext, stamped(t, noNext), true); outcome != cycle.Merged || !cmp.Equal(kept.Dropped, []string{"next"}) || bytes.Contains(got, []byte("renewal")) {
		t.Errorf("with force: %v %v", outcome, kept)
	}

	for _, tt := range []struct{ name, body, want string }{
		{"unclosed", "<!-- coach:manager summary -->\ntext\n", `line 2: the section "summary" is never closed`},
		{"nested", "<!-- coach:manager a -->\n<!-- coach:manager b -->\n<!-- /coach:manager -->\n", `line 3: the section "a" opened on line 2 is not closed before another opens`},
		{"stray close", "text\n<!-- /coach:manager -->\n", "line 3: a section closes here that was never opened"},
		{"twice", "<!-- coach:manager a -->\n<!-- /coach:manager -->\n<!-- coach:manager a -->\n<!-- /coach:manager -->\n", `line 4: the section "a" appears twice`},
		{"unknown mark", "<!-- coach:manager Summary! -->\n", "line 2: this mark is not one coach reads"},
	} {
		broken := append([]byte(cycle.ReviewMarker("skills/dana.toml", "2026-Q2", "000000000000")+"\n"), tt.body...)
		_, _, _, err := cycle.Merge(broken, stamped(t, v2), true)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestMergeReplacesAnUneditedDraft (cold read 10, finding 9): a manager's
// section coach drafted is sealed with the draft's digest; written again,
// a draft nobody edited is replaced by the new one and is not counted as
// kept, while a draft edited (its mark kept or deleted) is the manager's
// and kept word for word, the new draft left out.
func TestMergeReplacesAnUneditedDraft(t *testing.T) {
	draft := func(text string) string {
		return "# Review\n\n<!-- coach:manager summary -->\n*Draft, for Lee to edit.* <!-- coach:draft -->\n" + text + "\n<!-- /coach:manager -->\n"
	}
	v1, v2 := stamped(t, draft("Dana met the partner goal.")), stamped(t, draft("Dana met the partner goal and the board date."))
	if !regexp.MustCompile(`(?m)^\*Draft, for Lee to edit\.\* <!-- coach:draft [0-9a-f]{12} -->$`).Match(v1) {
		t.Fatalf("the draft is not sealed:\n%s", v1)
	}
	got, outcome, kept, err := cycle.Merge(v1, v2, false)
	if err != nil || outcome != cycle.Merged || !bytes.Equal(got, v2) || len(kept.Sections) != 0 {
		t.Errorf("an unedited draft: %v %v kept %v\n%s", outcome, err, kept.Sections, got)
	}
	for _, edit := range []struct{ name, from, to string }{
		{"edited", "Dana met the partner goal.", "Dana met the partner goal, a week early."},
		{"mark deleted", "*Draft, for Lee to edit.* ", "KEEP"},
	} {
		old := v1
		if edit.to == "KEEP" {
			old = regexp.MustCompile(`(?m)^\*Draft.*\n`).ReplaceAll(v1, nil)
		} else {
			old = bytes.Replace(v1, []byte(edit.from), []byte(edit.to), 1)
		}
		got, outcome, kept, err := cycle.Merge(old, v2, false)
		if err != nil || outcome != cycle.Merged || !cmp.Equal(kept.Sections, []string{"summary"}) || bytes.Contains(got, []byte("board date")) {
			t.Errorf("%s: %v %v kept %v\n%s", edit.name, outcome, err, kept.Sections, got)
		}
		if again, _, _, _ := cycle.Merge(got, v2, false); !bytes.Equal(again, got) {
			t.Errorf("%s: a second merge changed the review:\n%s", edit.name, again)
		}
	}
}

// TestPeriods: a quarter, any stretch of days named by them (a quarter's
// own bounds named as the quarter), the period before each, and the flags'
// mistakes.
func TestPeriods(t *testing.T) {
	p, err := cycle.PeriodBetween("2026-11-10", "2027-02-10")
	if err != nil || p.Name != "2026-11-10-to-2027-02-10" || p.Previous().Name != "2026-08-09-to-2026-11-09" {
		t.Errorf("PeriodBetween: %+v %v; previous %+v", p, err, p.Previous())
	}
	if p, _ := cycle.PeriodBetween("2026-10-01", "2026-12-31"); p.Name != "2026-Q4" || p.Previous().Name != "2026-Q3" {
		t.Errorf("a quarter's bounds: %+v", p)
	}
	if q, _ := cycle.QuarterPeriod("2026-Q1"); q.Previous().Name != "2025-Q4" {
		t.Errorf("before 2026-Q1: %s", q.Previous().Name)
	}
	for _, args := range [][3]string{{"2026-Q5", "", ""}, {"", "2026-10-01", ""}, {"2026-Q4", "2026-10-01", "2026-12-31"}, {"", "2026-12-31", "2026-10-01"}, {"", "2026-13-01", "2026-12-31"}} {
		if _, err := cycle.PeriodFrom(args[0], args[1], args[2], p.Start); err == nil {
			t.Errorf("PeriodFrom%q: no error", args)
		}
	}
}
