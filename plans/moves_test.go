package plans

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/coach-dev/coach/skills"
)

// Cold read 9, finding 3: the move of the month is the shift the person's
// own file shows least, with what shows it; two people on one step are told
// different moves when their files differ there.
func TestMoveOfMonthIsWhatTheFileShowsLeast(t *testing.T) {
	m := matrix(t)
	pm := func(changes map[string]int, ev ...skills.Evidence) *Plan {
		p := &skills.Person{ID: "kim", Name: "Kim Vale", Role: "pm", Levels: with(atBar(m, "senior-pm"), changes),
			Assessed: day("2026-11-10"), Evidence: ev}
		return build(t, p)
	}
	tests := []struct {
		name  string
		pl    *Plan
		month int
		want  string
	}{
		{name: "mentoring the least: at the bar, nothing written down", pl: pm(map[string]int{"coaching": 2, "outcome-focus": 4, "product-strategy": 4},
			skills.Evidence{Date: day("2026-10-01"), Skill: "product-strategy", Text: "Wrote the area strategy"}), month: 11,
			want: "From being mentored to mentoring: reviewing newer PMs' work and sharing what works. Of this shift, the least shown so far: coaching and mentoring at 2 Practising, the Senior Product Manager bar, with no piece of work on it written down."},
		{name: "strategy the least: below the bar", pl: pm(map[string]int{"coaching": 3, "outcome-focus": 4, "product-strategy": 2}), month: 11,
			want: "From one feature at a time to a product area and its strategy. Of this shift, the least shown so far: vision and product strategy at 2 Practising, where Senior Product Manager asks for 3."},
		{name: "equal: written-down work decides", pl: pm(map[string]int{"coaching": 2, "outcome-focus": 3, "product-strategy": 3},
			skills.Evidence{Date: day("2026-09-01"), Skill: "coaching", Text: "Reviewed a new PM's first spec"},
			skills.Evidence{Date: day("2026-10-01"), Skill: "product-strategy", Text: "Wrote the area strategy"}), month: 11,
			want: "From measuring output (dates hit) to measuring outcomes (customer and business value). Of this shift, the least shown so far: outcomes and metrics at 3 Proficient, the Senior Product Manager bar, with no piece of work on it written down."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.pl.MoveOfMonth(tt.month)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Cold read 9, finding 4: a coaching question comes from the level being
// reached; when the matrix has none there, from the nearest level below,
// never from above while one below exists.
func TestQuestionNeverFromAbove(t *testing.T) {
	s := &skills.Skill{ID: "craft", Questions: []skills.Question{
		{Level: 1, Text: "Level one?"}, {Level: 2, Text: "Level two?"}, {Level: 4, Text: "Level four?"}, {Level: 5, Text: "Level five?"},
	}}
	tests := []struct {
		next int
		want string
	}{
		{next: 2, want: "Level two?"},
		{next: 3, want: "Level two?"}, // 2 and 4 are as near: the one below
		{next: 4, want: "Level four?"},
	}
	for _, tt := range tests {
		for _, id := range []string{"kim", "ana", "ben-h", "lee"} {
			if got := question(id, s, tt.next, false); got != tt.want {
				t.Errorf("next %d, %s: got %q, want %q", tt.next, id, got, tt.want)
			}
		}
	}
	// Only questions above: the nearest of them.
	up := &skills.Skill{ID: "craft", Questions: []skills.Question{{Level: 4, Text: "Level four?"}, {Level: 5, Text: "Level five?"}}}
	if got := question("kim", up, 2, false); got != "Level four?" {
		t.Errorf("only above: got %q", got)
	}
}
